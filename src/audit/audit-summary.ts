import type { DriftChange } from './drift-change.ts';
import type { DriftSeverity } from './drift-severity.ts';
import type { PairState } from './pair-result.ts';

/** Version of the JSON audit report shape (`reporters/audit-report.schema.json`). */
export const AUDIT_SCHEMA_VERSION = 1;

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

/** One case pair, compactly: the changes themselves are in `AuditSummary.changes`. */
export interface AuditPair {
  readonly vendor: string;
  readonly contract: string;
  readonly case: string;
  readonly file: string;
  readonly state: PairState;
  /** Number of changes of this pair. */
  readonly changes: number;
}

/** A non-fatal problem (e.g. recordings of a contract that `--contracts` does not have). */
export interface AuditWarning {
  readonly message: string;
  readonly contract?: string;
}

/** Everything the audit reporters render. Pure data. */
export interface AuditSummary {
  readonly schemaVersion: typeof AUDIT_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  /** The baseline folder, as given. */
  readonly baseline: string;
  /** The current folder, as given. */
  readonly current: string;
  readonly failOn: DriftSeverity;
  readonly startedAt: string;
  readonly durationMs: number;
  /** True when no change is at or above `failOn`. */
  readonly ok: boolean;
  readonly totals: AuditTotals;
  readonly vendors: readonly AuditVendor[];
  readonly pairs: readonly AuditPair[];
  readonly changes: readonly DriftChange[];
  readonly warnings: readonly AuditWarning[];
}
