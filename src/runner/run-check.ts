import type { CheckResult } from '../model/check-result.ts';
import { hasErrors } from '../model/violation.ts';
import type { Check, CaseContext, CheckOutcome, ContractContext } from '../../suites/check.ts';

/** Run one check on its subject and turn what it returned into a result; undefined when the check can never apply to it. */
export function runCheck(check: Check, ctx: CaseContext | ContractContext, reproduce: string | (() => string)): CheckResult | undefined {
  const started = performance.now();
  const outcome = check.scope === 'case' ? check.run(ctx as CaseContext) : check.run(ctx as ContractContext);
  const caseName = check.scope === 'case' ? (ctx as CaseContext).case.name : null;
  return checkResult(check, ctx.contract.id, caseName, outcome, performance.now() - started, reproduce);
}

/**
 * A check's outcome on a contract (`caseName` null) or one of its cases, as a result; undefined when not
 * applicable. `reproduce` may be given as a function: only a failed result carries the command.
 */
export function checkResult(check: Check, contract: string, caseName: string | null, outcome: CheckOutcome, durationMs: number, reproduce: string | (() => string)): CheckResult | undefined {
  if ('notApplicable' in outcome) return undefined;
  // Each state's result written out in one literal (same fields, same order): a large capture builds 100,000 of them.
  const id = `${contract}#${caseName ?? 'contract'}#${check.id}`;
  const ms = Math.round(durationMs * 1000) / 1000;
  if ('skip' in outcome) return { id, check: check.id, title: check.title, suite: check.suite, contract, case: caseName, durationMs: ms, state: 'skipped', reason: outcome.skip };
  if (hasErrors(outcome)) return { id, check: check.id, title: check.title, suite: check.suite, contract, case: caseName, durationMs: ms, state: 'failed', violations: outcome, reproduce: typeof reproduce === 'string' ? reproduce : reproduce() };
  return { id, check: check.id, title: check.title, suite: check.suite, contract, case: caseName, durationMs: ms, state: 'passed', violations: outcome };
}
