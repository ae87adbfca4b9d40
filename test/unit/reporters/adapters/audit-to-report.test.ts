import { beforeAll, describe, expect, it } from 'vitest';
import { auditToReport } from '../../../../reporters/adapters/audit-to-report.ts';
import { renderMarkdown } from '../../../../reporters/markdown.ts';
import type { AuditSummary } from '../../../../src/audit/audit-summary.ts';
import { combinedAudit } from '../../audit/reporters/sample-audit.ts';

describe('auditToReport', () => {
  let audit: AuditSummary;
  beforeAll(async () => {
    audit = await combinedAudit();
  });

  it('makes each case pair one audit result about its recording, failed at or above --fail-on', () => {
    const report = auditToReport(audit);
    expect(report).toMatchObject({ command: 'audit', suites: ['audit'], ok: audit.ok });
    expect(report.results).toHaveLength(audit.pairs.length);
    expect(report.totals.failed).toBe(4);
    const expired = report.results.find((r) => r.case === 'token-expired');
    expect(expired).toMatchObject({ state: 'failed', suite: 'audit', file: `${audit.current}/crmcom/invoices_update/token-expired.har` });
    expect(auditToReport({ ...audit, failOn: 'warning' }).totals.failed).toBe(5);
  });

  it('keeps every change as drift with before and after, and lesser changes as warnings of a passed pair', () => {
    const report = auditToReport(audit);
    expect(report.drift).toHaveLength(audit.changes.length);
    const notDraft = report.results.find((r) => r.case === 'invoice-not-draft');
    expect(notDraft?.state).toBe('passed');
    expect(notDraft?.state === 'passed' && notDraft.violations.map((v) => [v.rule, v.severity])).toEqual([['drift.message-changed', 'warning']]);
  });

  it('carries the folders, the threshold and the counts in its audit section, and each change whole', () => {
    const report = auditToReport(audit);
    expect(report.audit).toMatchObject({ baseline: audit.baseline, current: audit.current, failOn: 'breaking', totals: { pairs: 53, changed: 5, breaking: 4, warning: 1 } });
    expect(report.audit?.pairs).toHaveLength(53);
    const expired = report.drift?.find((d) => d.id === 'drift.status-changed');
    expect(expired).toMatchObject({ kind: 'status-changed', vendor: 'crmcom', before: 200, after: 401 });
    expect(expired?.breaks).toMatch(/\S/);
  });

  it('renders through the common Markdown reporter, the drift per vendor', () => {
    const md = renderMarkdown(auditToReport(audit));
    expect(md.split('\n')[0]).toBe('## ❌ conformance audit: 4 breaking · 1 warning');
    expect(md).toContain('### crmcom: 2 breaking · 1 warning');
  });
});
