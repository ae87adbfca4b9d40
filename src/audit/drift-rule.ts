import type { DriftSeverity } from './drift-severity.ts';
import type { PairContext } from './pair-context.ts';
import type { Segment } from './tree-value.ts';

/** What a rule found: where, the two values, and what it means. The engine redacts and formats the values. */
export interface DriftFinding {
  /** The report path (see `PairContext.path`), or a pseudo-path such as `response.status`. */
  readonly path: string;
  /** The tree path, when the finding is about a body field; lets the engine redact credential positions. */
  readonly at?: readonly Segment[];
  /** Baseline value; absent when the field or case did not exist. */
  readonly before?: unknown;
  /** Current value; absent when the field or case no longer exists. */
  readonly after?: unknown;
  /** States the change without quoting values (those go in before/after, redacted). */
  readonly message: string;
}

/**
 * A drift rule: one kind of change with a fixed severity. Pure: pair context in, findings out.
 * Rules live in `suites/audit/`, one per file, and are passed to the engine as an array.
 */
export interface DriftRule {
  /** Stable dotted id, `drift.<kind>`; part of the audit report. */
  readonly id: `drift.${string}`;
  readonly severity: DriftSeverity;
  readonly title: string;
  /**
   * Which readers the change breaks, and which it does not (data, shown with every change of a
   * breaking rule): e.g. "strict schema readers such as zeep's default mode; lax readers ignore it".
   */
  readonly breaks?: string;
  detect(ctx: PairContext): readonly DriftFinding[];
}
