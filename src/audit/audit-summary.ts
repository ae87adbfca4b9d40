import type { AuditPair, AuditTotals, AuditVendor } from '../model/audit-section.ts';
import type { DriftChange } from './drift-change.ts';
import type { DriftSeverity } from './drift-severity.ts';

export type { AuditPair, AuditTotals, AuditVendor } from '../model/audit-section.ts';

/** A non-fatal problem (e.g. recordings of a contract that `--contracts` does not have). */
export interface AuditWarning {
  readonly message: string;
  readonly contract?: string;
}

/** What the audit engine concludes; `auditToReport` maps it into the one report model. Pure data. */
export interface AuditSummary {
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
