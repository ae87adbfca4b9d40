import { strictViolations } from '../src/model/strictness.ts';
import type { CaseCheck, Check, CheckOutcome, ContractCheck } from './check.ts';

const strict = (outcome: CheckOutcome): CheckOutcome => ('skip' in outcome || 'notApplicable' in outcome ? outcome : strictViolations(outcome));

/**
 * The checks with `--strict` applied: each departure the vendor's stack accepts (a warning with its
 * reason) fails the check instead. The check objects are otherwise unchanged (same ids).
 */
export function strictChecks(checks: readonly Check[]): Check[] {
  return checks.map((check): Check => (check.scope === 'case' ? strictCase(check) : strictContract(check)));
}

/** {@link strictChecks} for case checks only (the request checks `simulate --strict` runs on what it receives). */
export function strictCaseChecks(checks: readonly CaseCheck[]): CaseCheck[] {
  return checks.map(strictCase);
}

function strictCase(check: CaseCheck): CaseCheck {
  return { ...check, run: (ctx) => strict(check.run(ctx)) };
}

function strictContract(check: ContractCheck): ContractCheck {
  return {
    ...check,
    begin: (start) => {
      const started = check.begin(start);
      return { add: (c) => started.add(c), finish: (end) => strict(started.finish(end)) };
    },
    run: (ctx) => strict(check.run(ctx)),
  };
}
