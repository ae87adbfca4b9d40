import type { Violation } from './violation.ts';

/**
 * A departure the vendor's stack accepts: a warning that carries why (`params.accepted`), so a run
 * passes but reports it, and `--strict` can fail it.
 */
export function accepted(rule: string, path: string, message: string, reason: string, params: Record<string, unknown> = {}): Violation {
  return { rule, path, message: `${message} Accepted by the vendor's stack: ${reason}`, severity: 'warning', params: { ...params, accepted: reason } };
}

/** True for a warning that records a departure the vendor accepts (as opposed to a note about behaviour). */
export function isAcceptedDeparture(v: Violation): boolean {
  return v.severity === 'warning' && typeof v.params?.['accepted'] === 'string';
}

/**
 * `--strict`: every departure the vendor's stack accepts becomes a failure (the doc is followed to
 * the letter). Other warnings (behaviour notes, stale recordings) stay warnings. Used by `run`,
 * `simulate` and `check`.
 */
export function strictViolations(violations: readonly Violation[]): Violation[] {
  return violations.map((v) => (isAcceptedDeparture(v) ? { ...v, severity: 'error', message: `${v.message} (failed: --strict)` } : v));
}
