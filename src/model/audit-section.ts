/** How much a drift matters, most serious first (the audit's `--fail-on` values). */
export type DriftLevel = 'breaking' | 'warning' | 'info';

/** What happened to one case between the baseline and the current recordings. */
export type PairState = 'unchanged' | 'changed' | 'added' | 'removed';

/** Counts over the whole audit. */
export interface AuditTotals {
  readonly pairs: number;
  readonly unchanged: number;
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
  readonly breaking: number;
  readonly warning: number;
  readonly info: number;
}

/** Counts for one vendor. */
export interface AuditVendor {
  readonly vendor: string;
  readonly contracts: readonly string[];
  readonly pairs: number;
  readonly breaking: number;
  readonly warning: number;
  readonly info: number;
}

/** One case pair, compactly: its changes are the report's `drift` entries of the same file. */
export interface AuditPair {
  readonly vendor: string;
  readonly contract: string;
  readonly case: string;
  /** Recording path relative to the baseline and current folders. */
  readonly file: string;
  readonly state: PairState;
  /** Number of changes of this pair. */
  readonly changes: number;
}

/** What an audit report carries besides its results and drift: the folders, the threshold and the counts. */
export interface AuditSection {
  /** The baseline folder, as given. */
  readonly baseline: string;
  /** The current folder, as given. */
  readonly current: string;
  readonly failOn: DriftLevel;
  readonly totals: AuditTotals;
  readonly vendors: readonly AuditVendor[];
  readonly pairs: readonly AuditPair[];
}
