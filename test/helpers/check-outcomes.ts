import type { Violation } from '../../src/model/violation.ts';
import type { Check, CheckOutcome, ContractContext } from '../../suites/check.ts';

/** What a check returned, per case (`contract` for contract-level checks). */
export function outcomesOf(check: Check, ctx: ContractContext): Record<string, CheckOutcome> {
  if (check.scope === 'contract') return { contract: check.run(ctx) };
  return Object.fromEntries(ctx.cases.map((c) => [c.case.name, check.run(c)]));
}

/** Every violation a check returned over a contract and all its cases. */
export function violationsOf(check: Check, ctx: ContractContext): Violation[] {
  return Object.values(outcomesOf(check, ctx)).flatMap((o) => ('skip' in o || 'notApplicable' in o ? [] : [...o]));
}

/** Names of the cases (or `contract`) for which the check returned at least one error. */
export function failingSubjects(check: Check, ctx: ContractContext): string[] {
  return Object.entries(outcomesOf(check, ctx))
    .filter(([, o]) => !('skip' in o) && !('notApplicable' in o) && o.some((v) => v.severity === 'error'))
    .map(([name]) => name);
}
