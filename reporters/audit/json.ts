import type { AuditPair, AuditSummary, AuditTotals, AuditVendor, AuditWarning } from '../../src/audit/audit-summary.ts';
import type { DriftChange } from '../../src/audit/drift-change.ts';
import type { AuditReporter } from '../../src/audit/audit-reporter.ts';
import type { ReporterOptions } from '../../src/types/reporter.ts';
import { writeOutput } from '../shared/write-output.ts';

/**
 * Render an audit as the versioned JSON report of `reporters/audit-report.schema.json`. Pure and
 * stable: fields in schema order (anything else dropped), two-space indentation, a final newline.
 */
export function renderAuditJson(summary: AuditSummary): string {
  return `${JSON.stringify(toReport(summary), null, 2)}\n`;
}

/** Writes {@link renderAuditJson} to `options.path` (atomically) or stdout. */
export function createAuditJsonReporter(options: ReporterOptions): AuditReporter {
  return {
    name: 'json',
    async onAuditEnd(summary) {
      await writeOutput(options, renderAuditJson(summary));
    },
  };
}

function toReport(s: AuditSummary): AuditSummary {
  return {
    schemaVersion: s.schemaVersion,
    tool: { name: s.tool.name, version: s.tool.version },
    baseline: s.baseline,
    current: s.current,
    failOn: s.failOn,
    startedAt: s.startedAt,
    durationMs: s.durationMs,
    ok: s.ok,
    totals: toTotals(s.totals),
    vendors: s.vendors.map(toVendor),
    pairs: s.pairs.map(toPair),
    changes: s.changes.map(toChange),
    warnings: s.warnings.map(toWarning),
  };
}

function toTotals(t: AuditTotals): AuditTotals {
  const { pairs, unchanged, changed, added, removed, breaking, warning, info } = t;
  return { pairs, unchanged, changed, added, removed, breaking, warning, info };
}

function toVendor(v: AuditVendor): AuditVendor {
  return { vendor: v.vendor, contracts: [...v.contracts], pairs: v.pairs, breaking: v.breaking, warning: v.warning, info: v.info };
}

function toPair(p: AuditPair): AuditPair {
  return { vendor: p.vendor, contract: p.contract, case: p.case, file: p.file, state: p.state, changes: p.changes };
}

function toChange(c: DriftChange): DriftChange {
  return {
    id: c.id,
    kind: c.kind,
    severity: c.severity,
    vendor: c.vendor,
    contract: c.contract,
    case: c.case,
    file: c.file,
    path: c.path,
    ...(c.before === undefined ? {} : { before: c.before }),
    ...(c.after === undefined ? {} : { after: c.after }),
    message: c.message,
  };
}

function toWarning(w: AuditWarning): AuditWarning {
  return w.contract === undefined ? { message: w.message } : { message: w.message, contract: w.contract };
}
