import type { AuditSection, DriftLevel } from '../../src/model/audit-section.ts';
import { assertNever } from '../../src/model/result.ts';
import type { DriftEntry, RunSummary } from '../../src/model/run-summary.ts';
import { formatEvidence, groupDrift, pairCounts, pairName, severityCounts, shortPath, type VendorDrift } from '../shared/drift-groups.ts';
import { codeSpan, escapeMarkdown } from '../shared/escape-markdown.ts';

/** Longest evidence shown in a table cell; the `<details>` list has the whole (already bounded) value. */
const CELL_LIMIT = 60;

/**
 * An audit report as Markdown lines: a summary line, then per vendor a table of changes ordered by
 * severity (paths without namespace URIs) and a collapsible `<details>` list with the full evidence,
 * then the report's warnings. Every value is escaped.
 */
export function auditMarkdown(summary: RunSummary, audit: AuditSection): string[] {
  const lines = [`## ${summary.ok ? '✅' : '❌'} conformance audit: ${severityCounts(audit.totals)}`, '', overview(summary, audit)];
  for (const v of groupDrift(audit, summary.drift ?? [])) lines.push('', ...vendorSection(audit, v));
  if (summary.warnings.length > 0) lines.push('', ...summary.warnings.map((w) => `> ⚠️ ${escapeMarkdown(w.message)}`));
  return lines;
}

function overview(s: RunSummary, a: AuditSection): string {
  const verdict = s.ok ? `passes \`--fail-on ${a.failOn}\`` : `**fails** \`--fail-on ${a.failOn}\``;
  return `${pairCounts(a)} · baseline ${codeSpan(a.baseline)} → current ${codeSpan(a.current)} · ${verdict}`;
}

function vendorSection(a: AuditSection, v: VendorDrift): string[] {
  const counts = a.vendors.find((x) => x.vendor === v.vendor);
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

function row(c: DriftEntry): string {
  const cells = [badge(c.severity), codeSpan(c.id, true), codeSpan(pairName(c), true), codeSpan(shortPath(c.path), true), cell(formatEvidence(c.before)), cell(formatEvidence(c.after))];
  return `| ${cells.join(' | ')} |`;
}

function cell(value: string): string {
  return codeSpan(value.length > CELL_LIMIT ? `${value.slice(0, CELL_LIMIT - 1)}…` : value, true);
}

function evidence(c: DriftEntry): string[] {
  return [
    `- ${badge(c.severity)} ${codeSpan(c.id)} in ${codeSpan(pairName(c))} (${codeSpan(c.file)}): ${escapeMarkdown(c.message)}`,
    `  - path: ${codeSpan(c.path)}`,
    `  - before: ${codeSpan(formatEvidence(c.before))}`,
    `  - after: ${codeSpan(formatEvidence(c.after))}`,
    ...(c.causedBy === undefined ? [] : [`  - follows from: ${codeSpan(c.causedBy.id)} at ${codeSpan(c.causedBy.path)}`]),
    ...(c.breaks === undefined ? [] : [`  - breaks: ${escapeMarkdown(c.breaks)}`]),
  ];
}

function badge(severity: DriftLevel): string {
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
