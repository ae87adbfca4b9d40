import type { Violation } from '../../src/model/violation.ts';
import type { CaseContext, CheckOutcome } from '../check.ts';

type Recorded = NonNullable<CaseContext['recorded']>;

/** Run `fn` on the recorded exchange, or skip when the recording could not be read. */
export function onRecorded(ctx: CaseContext, fn: (recorded: Recorded) => Violation[]): CheckOutcome {
  return ctx.recorded === undefined ? { skip: 'the recording could not be read (see contract.recordings-valid)' } : fn(ctx.recorded);
}

/** Violations from decoding whose rule is one of `rules`. */
export function decodeViolations(recorded: Recorded, rules: ReadonlySet<string>): Violation[] {
  return recorded.decoded.violations.filter((v) => rules.has(v.rule));
}
