import type { AuditSummary } from '../../src/audit/audit-summary.ts';
import type { AuditReporter } from '../../src/audit/audit-reporter.ts';
import type { DriftChange } from '../../src/audit/drift-change.ts';
import type { DriftSeverity } from '../../src/audit/drift-severity.ts';
import { assertNever } from '../../src/model/result.ts';
import type { ReporterOptions } from '../../src/types/reporter.ts';
import { writeOutput } from '../shared/write-output.ts';
import { codeSpan, escapeMarkdown } from '../shared/escape-markdown.ts';
import { formatEvidence, shortPath } from './shared/format-evidence.ts';
import { groupChanges, pairName, severityCounts, type VendorChanges } from './shared/group-changes.ts';

/** Longest evidence shown in a table cell; the `<details>` list has the whole (already bounded) value. */
const CELL_LIMIT = 60;

/**
 * Render an audit as GitHub-flavoured Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
 * a summary line, then per vendor a table of changes ordered by severity (paths without namespace
 * URIs) and a collapsible `<details>` list with the full evidence. Pure; every value is escaped.
 */
export function renderAuditMarkdown(summary: AuditSummary): string {
  const vendors = groupChanges(summary);
  const lines = [`## Conformance audit: ${summary.ok ? '✅' : '❌'} ${severityCounts(summary.totals)}`, '', overview(summary)];
  for (const v of vendors) lines.push('', ...vendorSection(summary, v));
  if (summary.warnings.length > 0) lines.push('', ...summary.warnings.map((w) => `> ⚠️ ${escapeMarkdown(w.message)}`));
  return `${lines.join('\n')}\n`;
}

/** Writes {@link renderAuditMarkdown} to `options.path` (atomically) or stdout. */
export function createAuditMarkdownReporter(options: ReporterOptions): AuditReporter {
  return {
    name: 'markdown',
    async onAuditEnd(summary) {
      await writeOutput(options, renderAuditMarkdown(summary));
    },
  };
}

function overview(s: AuditSummary): string {
  const t = s.totals;
  const verdict = s.ok ? `passes \`--fail-on ${s.failOn}\`` : `**fails** \`--fail-on ${s.failOn}\``;
  return `${t.pairs} case pairs: ${t.unchanged} unchanged, ${t.changed} changed, ${t.added} added, ${t.removed} removed · baseline ${codeSpan(s.baseline)} → current ${codeSpan(s.current)} · ${verdict}`;
}

function vendorSection(s: AuditSummary, v: VendorChanges): string[] {
  const counts = s.vendors.find((x) => x.vendor === v.vendor);
  const changes = v.groups.flatMap((g) => g.changes);
  return [
    `### ${escapeMarkdown(v.vendor)}${counts === undefined ? '' : `: ${severityCounts(counts)}`}`,
    '',
    '| Severity | Change | Case | Path | Before | After |',
    '|---|---|---|---|---|---|',
    ...changes.map(row),
    '',
    `<details><summary>Evidence (${changes.length} change${changes.length === 1 ? '' : 's'})</summary>`,
    '',
    ...changes.flatMap(evidence),
    '',
    '</details>',
  ];
}

function row(c: DriftChange): string {
  const cells = [badge(c.severity), codeSpan(c.id, true), codeSpan(pairName(c), true), codeSpan(shortPath(c.path), true), cell(formatEvidence(c.before)), cell(formatEvidence(c.after))];
  return `| ${cells.join(' | ')} |`;
}

function cell(value: string): string {
  return codeSpan(value.length > CELL_LIMIT ? `${value.slice(0, CELL_LIMIT - 1)}…` : value, true);
}

function evidence(c: DriftChange): string[] {
  return [
    `- ${badge(c.severity)} ${codeSpan(c.id)} in ${codeSpan(pairName(c))} (${codeSpan(c.file)}): ${escapeMarkdown(c.message)}`,
    `  - path: ${codeSpan(c.path)}`,
    `  - before: ${codeSpan(formatEvidence(c.before))}`,
    `  - after: ${codeSpan(formatEvidence(c.after))}`,
    ...(c.causedBy === undefined ? [] : [`  - follows from: ${codeSpan(c.causedBy.id)} at ${codeSpan(c.causedBy.path)}`]),
    ...(c.breaks === undefined ? [] : [`  - breaks: ${escapeMarkdown(c.breaks)}`]),
  ];
}

function badge(severity: DriftSeverity): string {
  switch (severity) {
    case 'breaking':
      return '🔴 breaking';
    case 'warning':
      return '🟠 warning';
    case 'info':
      return '🔵 info';
    default:
      return assertNever(severity);
  }
}
