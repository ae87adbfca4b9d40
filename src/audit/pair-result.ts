import type { DriftChange } from './drift-change.ts';

/** What happened to one case between the baseline and the current recordings. */
export type PairState = 'unchanged' | 'changed' | 'added' | 'removed';

/** The audit of one case pair, as the engine streams it. */
export interface PairResult {
  readonly vendor: string;
  readonly contract: string;
  readonly case: string;
  /** Recording path relative to both roots. */
  readonly file: string;
  readonly state: PairState;
  /** Every change, in rule order; empty for an unchanged pair. */
  readonly changes: readonly DriftChange[];
  /** False when `--contracts` has no contract for the recording: outcome, code, message and contract rules did not run. */
  readonly contractKnown: boolean;
}
