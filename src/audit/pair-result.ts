import type { PairState } from '../model/audit-section.ts';
import type { DriftChange } from './drift-change.ts';

export type { PairState } from '../model/audit-section.ts';

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
