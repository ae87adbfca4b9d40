import type { AuditSection, DriftLevel } from '../../src/model/audit-section.ts';
import type { DriftEntry } from '../../src/model/run-summary.ts';

/** Most serious first: the order drift is listed in. */
const LEVELS: readonly DriftLevel[] = ['breaking', 'warning', 'info'];

/** The drift of one vendor, by severity (most serious first, empty groups left out). */
export interface VendorDrift {
  readonly vendor: string;
  readonly groups: ReadonlyArray<{ readonly severity: DriftLevel; readonly changes: readonly DriftEntry[] }>;
}

/**
 * Drift grouped by vendor (in the audit's vendor order), then by severity; vendors without changes
 * are left out. A consequence (`causedBy`) follows its cause, in the cause's group.
 */
export function groupDrift(audit: AuditSection, drift: readonly DriftEntry[]): VendorDrift[] {
  const vendors = [...new Set([...audit.vendors.map((v) => v.vendor), ...drift.map((c) => c.vendor)])];
  return vendors
    .map((vendor) => {
      const mine = drift.filter((c) => c.vendor === vendor);
      const causes = mine.filter((c) => c.causedBy === undefined || !mine.some((x) => isCauseOf(x, c)));
      const withConsequences = (cause: DriftEntry): DriftEntry[] => [cause, ...mine.filter((c) => c !== cause && isCauseOf(cause, c))];
      const groups = LEVELS.map((severity) => ({ severity, changes: causes.filter((c) => c.severity === severity).flatMap(withConsequences) })).filter((g) => g.changes.length > 0);
      return { vendor, groups };
    })
    .filter((v) => v.groups.length > 0);
}

function isCauseOf(cause: DriftEntry, change: DriftEntry): boolean {
  return change.causedBy !== undefined && cause.causedBy === undefined && cause.file === change.file && cause.case === change.case && cause.id === change.causedBy.id && cause.path === change.causedBy.path;
}

/** `2 breaking · 1 warning` for the non-zero counts, or `no drift`. */
export function severityCounts(counts: Readonly<Record<DriftLevel, number>>): string {
  const parts = LEVELS.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length === 0 ? 'no drift' : parts.join(' · ');
}

/** `contract#case`, how every reporter names a case pair. */
export function pairName(change: Pick<DriftEntry, 'contract' | 'case'>): string {
  return `${change.contract}#${change.case}`;
}

/** Evidence as text: strings quoted as JSON (so whitespace and emptiness show), `(absent)` when the side has nothing. */
export function formatEvidence(value: DriftEntry['before']): string {
  if (value === undefined) return '(absent)';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A Clark path with its namespace URIs left out, for narrow displays: `/Envelope/Body/Result/Code`. */
export function shortPath(path: string): string {
  return path.replace(/\{[^{}]*\}/g, '');
}

/** `N case pairs: N unchanged, N changed, N added, N removed`. */
export function pairCounts(audit: AuditSection): string {
  const t = audit.totals;
  return `${t.pairs} case pairs: ${t.unchanged} unchanged, ${t.changed} changed, ${t.added} added, ${t.removed} removed`;
}
