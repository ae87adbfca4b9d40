import type { AuditSummary } from '../../../../src/audit/audit-summary.ts';
import type { DriftChange } from '../../../../src/audit/drift-change.ts';
import { auditFixture, auditFolders } from '../audit-fixtures.ts';

/** The "done when" audit: baseline against `combined` (four breaking changes, one warning). */
export function combinedAudit(): Promise<AuditSummary> {
  return auditFolders(auditFixture('baseline'), auditFixture('combined'));
}

/** Characters every format must escape. */
export const HOSTILE = 'a|b`c``d<e>&"\'\u0001\nf*_[x](y)';

/** A summary whose first change carries hostile text in every free-form field. */
export function withHostileChange(summary: AuditSummary): AuditSummary {
  const [first, ...rest] = summary.changes;
  if (first === undefined) return summary;
  const hostile: DriftChange = { ...first, path: HOSTILE, before: HOSTILE, after: HOSTILE, message: HOSTILE };
  return { ...summary, changes: [hostile, ...rest] };
}
