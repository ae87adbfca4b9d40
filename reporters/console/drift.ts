import type { AuditSection, DriftLevel } from '../../src/model/audit-section.ts';
import { assertNever } from '../../src/model/result.ts';
import type { DriftEntry, RunSummary } from '../../src/model/run-summary.ts';
import { formatDuration } from '../shared/format-duration.ts';
import { formatEvidence, groupDrift, pairCounts, pairName, severityCounts, type VendorDrift } from '../shared/drift-groups.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/**
 * An audit report's sections: a header, the drift grouped by vendor and severity (each change with
 * its rule, case, path, before → after, what it means and which readers it breaks; consequences
 * under their cause), the report's warnings, then the tally, the verdict and the next step.
 */
export function renderAuditSections(summary: RunSummary, audit: AuditSection, palette: Palette): readonly (readonly string[])[] {
  const drift = summary.drift ?? [];
  return [
    [header(audit, palette)],
    ...groupDrift(audit, drift).map((v) => vendorSection(audit, v, palette)),
    summary.warnings.map((w) => ` ${palette.yellow(SYMBOLS.warning)} ${w.message}`),
    closing(summary, audit, palette),
  ];
}

function header(a: AuditSection, p: Palette): string {
  const dot = p.dim('·');
  return ` ${p.bold('conformance audit')} ${dot} baseline ${a.baseline} ${dot} current ${a.current} ${dot} ${a.totals.pairs} case pair${a.totals.pairs === 1 ? '' : 's'} ${dot} fail on ${a.failOn}`;
}

function vendorSection(a: AuditSection, v: VendorDrift, p: Palette): string[] {
  const vendor = a.vendors.find((x) => x.vendor === v.vendor);
  const counts = vendor === undefined ? '' : `  ${p.dim(severityCounts(vendor))}`;
  return [` ${p.bold(v.vendor)}${counts}`, ...v.groups.flatMap((g) => g.changes.flatMap((c) => change(c, p)))];
}

function change(c: DriftEntry, p: Palette): string[] {
  // A consequence is indented under its cause and names it.
  const pad = c.causedBy === undefined ? '' : '    ';
  return [
    `   ${pad}${mark(c.severity, p)} ${c.severity.padEnd(8)}  ${p.bold(c.id)}  ${pairName(c)}${c.causedBy === undefined ? '' : p.dim(`  (follows from ${c.causedBy.id})`)}`,
    `       ${pad}${p.dim('at')} ${c.path}`,
    `       ${pad}${p.dim('before')} ${formatEvidence(c.before)} ${p.dim('→ after')} ${formatEvidence(c.after)}`,
    `       ${pad}${c.message}`,
    ...(c.breaks === undefined ? [] : [`       ${pad}${p.dim('breaks')} ${c.breaks}`]),
  ];
}

function closing(s: RunSummary, a: AuditSection, p: Palette): string[] {
  const tally = `${severityCounts(a.totals)} ${p.dim('·')} ${pairCounts(a)} ${p.dim(`(${formatDuration(s.durationMs)})`)}`;
  const verdict = s.ok ? ` ${p.green(SYMBOLS.passed)} No drift at or above --fail-on ${a.failOn}` : ` ${p.red(SYMBOLS.failed)} Drift at or above --fail-on ${a.failOn}`;
  // The reviewer's next step, once the drift is understood.
  const next = (s.drift ?? []).length === 0 ? [] : [` ${p.dim('Accept after review:')} conformance audit --baseline ${a.baseline} --current ${a.current} --accept`];
  return [` ${tally}`, verdict, ...next];
}

/** The console mark of a severity, coloured: `✗` breaking (red), `⚠` warning (yellow), `ℹ` info (blue). */
function mark(severity: DriftLevel, palette: Palette): string {
  switch (severity) {
    case 'breaking':
      return palette.red(SYMBOLS.failed);
    case 'warning':
      return palette.yellow(SYMBOLS.warning);
    case 'info':
      return palette.blue('ℹ');
    default:
      return assertNever(severity);
  }
}
