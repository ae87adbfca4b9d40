import type { DriftChange } from '../../../src/audit/drift-change.ts';
import { DRIFT_SEVERITIES, type DriftSeverity } from '../../../src/audit/drift-severity.ts';
import type { AuditSummary } from '../../../src/audit/audit-summary.ts';

/** The changes of one vendor, by severity (most serious first, empty groups left out). */
export interface VendorChanges {
  readonly vendor: string;
  readonly groups: ReadonlyArray<{ readonly severity: DriftSeverity; readonly changes: readonly DriftChange[] }>;
}

/**
 * Changes grouped by vendor (in the summary's vendor order), then by severity; vendors without
 * changes are left out. A consequence (`causedBy`) follows its cause, in the cause's group.
 */
export function groupChanges(summary: AuditSummary): VendorChanges[] {
  const vendors = [...new Set([...summary.vendors.map((v) => v.vendor), ...summary.changes.map((c) => c.vendor)])];
  return vendors
    .map((vendor) => {
      const mine = summary.changes.filter((c) => c.vendor === vendor);
      const causes = mine.filter((c) => c.causedBy === undefined || !mine.some((x) => isCauseOf(x, c)));
      const withConsequences = (cause: DriftChange): DriftChange[] => [cause, ...mine.filter((c) => c !== cause && isCauseOf(cause, c))];
      const groups = DRIFT_SEVERITIES.map((severity) => ({ severity, changes: causes.filter((c) => c.severity === severity).flatMap(withConsequences) })).filter((g) => g.changes.length > 0);
      return { vendor, groups };
    })
    .filter((v) => v.groups.length > 0);
}

function isCauseOf(cause: DriftChange, change: DriftChange): boolean {
  return change.causedBy !== undefined && cause.causedBy === undefined && cause.file === change.file && cause.case === change.case && cause.id === change.causedBy.id && cause.path === change.causedBy.path;
}

/** `2 breaking · 1 warning` for the non-zero counts, or `no drift`. */
export function severityCounts(counts: Readonly<Record<DriftSeverity, number>>): string {
  const parts = DRIFT_SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length === 0 ? 'no drift' : parts.join(' · ');
}

/** `contract#case`, how every reporter names a case pair. */
export function pairName(change: Pick<DriftChange, 'contract' | 'case'>): string {
  return `${change.contract}#${change.case}`;
}
