import type { DriftSeverity } from './drift-severity.ts';

/** A value as a report shows it: scalars as they are, structures as compact (possibly shortened) JSON text. */
export type EvidenceValue = string | number | boolean | null;

/** One reported change with its evidence. Part of the JSON audit report (schema version 1). */
export interface DriftChange {
  /** The rule id, e.g. `drift.field-removed`. */
  readonly id: string;
  /** The rule id without `drift.`, e.g. `field-removed`. */
  readonly kind: string;
  readonly severity: DriftSeverity;
  readonly vendor: string;
  readonly contract: string;
  readonly case: string;
  /** Recording path relative to the baseline and current folders. */
  readonly file: string;
  readonly path: string;
  /** Absent: the field (or case) did not exist in the baseline. */
  readonly before?: EvidenceValue;
  /** Absent: the field (or case) does not exist in the current recording. */
  readonly after?: EvidenceValue;
  readonly message: string;
  /** Which readers the change breaks (the rule's `breaks`); present on breaking changes. */
  readonly breaks?: string;
  /**
   * The change of the same pair this one follows from (e.g. a status change, and the outcome,
   * code and body changes it brings): reporters group consequences under their cause.
   */
  readonly causedBy?: { readonly id: string; readonly path: string };
}
