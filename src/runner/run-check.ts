import type { CheckResult } from '../model/check-result.ts';
import { hasErrors } from '../model/violation.ts';
import type { Check, CaseContext, CheckOutcome, ContractContext } from '../../suites/check.ts';

/** Run one check on its subject and turn what it returned into a result; undefined when the check can never apply to it. */
export function runCheck(check: Check, ctx: CaseContext | ContractContext, reproduce: string): CheckResult | undefined {
  const started = performance.now();
  const outcome = check.scope === 'case' ? check.run(ctx as CaseContext) : check.run(ctx as ContractContext);
  const caseName = check.scope === 'case' ? (ctx as CaseContext).case.name : null;
  return checkResult(check, outcome, { contract: ctx.contract.id, case: caseName, durationMs: Math.round((performance.now() - started) * 1000) / 1000, reproduce });
}

/** Where a check's outcome was found, and how long finding it took. */
interface ResultSubject {
  readonly contract: string;
  /** The case name; null for a contract-level check. */
  readonly case: string | null;
  readonly durationMs: number;
  readonly reproduce: string;
}

/** The result of what a check returned (see {@link runCheck}); undefined when the check can never apply. */
function checkResult(check: Check, outcome: CheckOutcome, subject: ResultSubject): CheckResult | undefined {
  if ('notApplicable' in outcome) return undefined;
  // Each state's result written out in one literal (same fields, same order): a large capture builds 100,000 of them.
  const { contract, case: name, durationMs } = subject;
  const id = `${contract}#${name ?? 'contract'}#${check.id}`;
  if ('skip' in outcome) return { id, check: check.id, title: check.title, suite: check.suite, contract, case: name, durationMs, state: 'skipped', reason: outcome.skip };
  if (hasErrors(outcome)) return { id, check: check.id, title: check.title, suite: check.suite, contract, case: name, durationMs, state: 'failed', violations: outcome, reproduce: subject.reproduce };
  return { id, check: check.id, title: check.title, suite: check.suite, contract, case: name, durationMs, state: 'passed', violations: outcome };
}
