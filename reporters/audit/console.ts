import type { AuditSummary } from '../../src/audit/audit-summary.ts';
import type { AuditReporter } from '../../src/audit/audit-reporter.ts';
import type { DriftChange } from '../../src/audit/drift-change.ts';
import type { ReporterOptions } from '../../src/types/reporter.ts';
import { createPalette, type Palette } from '../console/palette.ts';
import { formatDuration } from '../shared/format-duration.ts';
import { formatEvidence } from './shared/format-evidence.ts';
import { groupChanges, pairName, severityCounts } from './shared/group-changes.ts';
import { severityMark } from './shared/severity-mark.ts';

/**
 * Render an audit for people: a header, the changes grouped by vendor and severity (each with its
 * rule, case, path, before → after and what it means), warnings, and the closing tally and verdict.
 * Pure.
 */
export function renderAuditConsole(summary: AuditSummary, options: { readonly color: boolean }): string {
  const palette = createPalette(options.color);
  const sections = [header(summary, palette), ...groupChanges(summary).map((v) => vendorSection(summary, v, palette)), warnings(summary, palette), closing(summary, palette)].filter((s) => s.length > 0);
  return `\n${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}

/** Writes {@link renderAuditConsole} to `options.stdout`; colour follows `options.color`. */
export function createAuditConsoleReporter(options: ReporterOptions): AuditReporter {
  return {
    name: 'console',
    onAuditEnd(summary) {
      options.stdout.write(renderAuditConsole(summary, options));
    },
  };
}

function header(s: AuditSummary, p: Palette): string[] {
  const dot = p.dim('·');
  return [` ${p.bold('conformance audit')} ${dot} baseline ${s.baseline} ${dot} current ${s.current} ${dot} ${s.totals.pairs} case pair${s.totals.pairs === 1 ? '' : 's'} ${dot} fail on ${s.failOn}`];
}

function vendorSection(s: AuditSummary, v: ReturnType<typeof groupChanges>[number], p: Palette): string[] {
  const vendor = s.vendors.find((x) => x.vendor === v.vendor);
  const counts = vendor === undefined ? '' : `  ${p.dim(severityCounts(vendor))}`;
  return [` ${p.bold(v.vendor)}${counts}`, ...v.groups.flatMap((g) => g.changes.flatMap((c) => change(c, p)))];
}

function change(c: DriftChange, p: Palette): string[] {
  // A consequence is indented under its cause and names it.
  const pad = c.causedBy === undefined ? '' : '    ';
  return [
    `   ${pad}${severityMark(c.severity, p)} ${c.severity.padEnd(8)}  ${p.bold(c.id)}  ${pairName(c)}${c.causedBy === undefined ? '' : p.dim(`  (follows from ${c.causedBy.id})`)}`,
    `       ${pad}${p.dim('at')} ${c.path}`,
    `       ${pad}${p.dim('before')} ${formatEvidence(c.before)} ${p.dim('→ after')} ${formatEvidence(c.after)}`,
    `       ${pad}${c.message}`,
    ...(c.breaks === undefined ? [] : [`       ${pad}${p.dim('breaks')} ${c.breaks}`]),
  ];
}

function warnings(s: AuditSummary, p: Palette): string[] {
  return s.warnings.map((w) => ` ${p.yellow('⚠')} ${w.message}`);
}

function closing(s: AuditSummary, p: Palette): string[] {
  const t = s.totals;
  const tally = `${severityCounts(t)} ${p.dim('·')} ${t.pairs} pairs: ${t.unchanged} unchanged, ${t.changed} changed, ${t.added} added, ${t.removed} removed ${p.dim(`(${formatDuration(s.durationMs)})`)}`;
  const verdict = s.ok ? ` ${p.green('✓')} No drift at or above --fail-on ${s.failOn}` : ` ${p.red('✗')} Drift at or above --fail-on ${s.failOn}`;
  // The reviewer's next step, once the drift is understood.
  const next = s.changes.length === 0 ? [] : [` ${p.dim('Accept after review:')} conformance audit --baseline ${s.baseline} --current ${s.current} --accept`];
  return [` ${tally}`, verdict, ...next];
}
