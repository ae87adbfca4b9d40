import type { CheckResult } from '../model/check-result.ts';
import { hasErrors } from '../model/violation.ts';
import type { Check, CaseContext, ContractContext } from '../../suites/check.ts';

/** Run one check on its subject and turn what it returned into a result; undefined when the check can never apply to it. */
export function runCheck(check: Check, ctx: CaseContext | ContractContext, reproduce: string): CheckResult | undefined {
  const started = performance.now();
  const outcome = check.scope === 'case' ? check.run(ctx as CaseContext) : check.run(ctx as ContractContext);
  const caseName = check.scope === 'case' ? (ctx as CaseContext).case.name : null;
  const base = {
    id: `${ctx.contract.id}#${caseName ?? 'contract'}#${check.id}`,
    check: check.id,
    title: check.title,
    suite: check.suite,
    contract: ctx.contract.id,
    case: caseName,
    durationMs: Math.round((performance.now() - started) * 1000) / 1000,
  };
  if ('notApplicable' in outcome) return undefined;
  if ('skip' in outcome) return { ...base, state: 'skipped', reason: outcome.skip };
  if (hasErrors(outcome)) return { ...base, state: 'failed', violations: outcome, reproduce };
  return { ...base, state: 'passed', violations: outcome };
}
