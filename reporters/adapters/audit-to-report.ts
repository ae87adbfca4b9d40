import type { AuditPair, AuditSummary } from '../../src/audit/audit-summary.ts';
import type { DriftChange, EvidenceValue } from '../../src/audit/drift-change.ts';
import { atOrAbove } from '../../src/audit/drift-severity.ts';
import type { CheckResult } from '../../src/model/check-result.ts';
import { countTotals, REPORT_SCHEMA_VERSION, type ContractSummary, type DriftEntry, type RunSummary } from '../../src/model/run-summary.ts';
import type { Violation } from '../../src/model/violation.ts';

/**
 * Map an audit into the one report model, so every format renders it once: each case pair becomes a
 * result of the `audit` suite (failed when a change is at or above `--fail-on`, its lesser changes as
 * warnings), about its recording file; every change also goes to `drift` with its before/after. Pure.
 */
export function auditToReport(audit: AuditSummary): RunSummary {
  const byPair = groupByPair(audit.changes);
  const rerun = `conformance audit --baseline ${audit.baseline} --current ${audit.current} --fail-on ${audit.failOn}`;
  const results = audit.pairs.map((p) => pairResult(audit, p, byPair.get(pairKey(p)) ?? [], rerun));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: audit.tool,
    target: `audit of ${audit.current} against ${audit.baseline}`,
    startedAt: audit.startedAt,
    durationMs: audit.durationMs,
    ok: audit.ok,
    totals: countTotals(results),
    suites: ['audit'],
    contracts: contracts(audit, results),
    results,
    findings: [],
    coverage: [],
    warnings: audit.warnings.map((w) => (w.contract === undefined ? { message: w.message } : { message: w.message, contract: w.contract })),
    command: 'audit',
    drift: audit.changes.map(driftEntry),
    audit: { baseline: audit.baseline, current: audit.current, failOn: audit.failOn, totals: audit.totals, vendors: audit.vendors, pairs: audit.pairs },
    rerun,
  };
}

function pairResult(audit: AuditSummary, p: AuditPair, changes: readonly DriftChange[], rerun: string): CheckResult {
  const violations = changes.map((c) => violationOf(c, atOrAbove(c.severity, audit.failOn)));
  const base = {
    id: `${p.contract}#${p.case}#audit.drift`,
    check: 'audit.drift',
    title: `Recording ${p.state} (${changes.length} change${changes.length === 1 ? '' : 's'})`,
    suite: 'audit' as const,
    contract: p.contract,
    case: p.case,
    durationMs: 0,
    file: `${p.state === 'removed' ? audit.baseline : audit.current}/${p.file}`,
  };
  if (violations.some((v) => v.severity === 'error')) return { ...base, state: 'failed', violations, reproduce: `${rerun} --vendor ${p.vendor}` };
  return { ...base, state: 'passed', violations };
}

/** A change as a violation: the baseline is what was expected, the current recording what was received. */
function violationOf(c: DriftChange, failing: boolean): Violation {
  return {
    rule: c.id,
    path: c.path,
    message: `${c.message} (${c.severity})`,
    severity: failing ? 'error' : 'warning',
    params: { id: c.id, expected: evidence(c.before), received: evidence(c.after), severity: c.severity },
  };
}

function evidence(value: EvidenceValue | undefined): string {
  if (value === undefined) return '(absent)';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function driftEntry(c: DriftChange): DriftEntry {
  const base = { id: c.id, kind: c.kind, severity: c.severity, vendor: c.vendor, contract: c.contract, case: c.case, file: c.file, path: c.path, message: c.message };
  return {
    ...base,
    ...(c.before === undefined ? {} : { before: c.before }),
    ...(c.after === undefined ? {} : { after: c.after }),
    ...(c.breaks === undefined ? {} : { breaks: c.breaks }),
    ...(c.causedBy === undefined ? {} : { causedBy: { id: c.causedBy.id, path: c.causedBy.path } }),
  };
}

function contracts(audit: AuditSummary, results: readonly CheckResult[]): ContractSummary[] {
  const ids = [...new Set(audit.pairs.map((p) => p.contract))];
  return ids.map((id) => {
    const mine = results.filter((r) => r.contract === id);
    const [vendor = id, operation = ''] = id.split('/');
    return { id, vendor, operation, protocol: '', file: `${audit.current}/${id}`, cases: mine.length, totals: countTotals(mine) };
  });
}

function pairKey(p: Pick<AuditPair, 'contract' | 'case' | 'file'>): string {
  return `${p.contract}\u0000${p.case}\u0000${p.file}`;
}

function groupByPair(changes: readonly DriftChange[]): Map<string, DriftChange[]> {
  const out = new Map<string, DriftChange[]>();
  for (const c of changes) out.set(pairKey(c), [...(out.get(pairKey(c)) ?? []), c]);
  return out;
}
