import type { CheckResult, FailedResult } from '../src/model/check-result.ts';
import type { RunSummary } from '../src/model/run-summary.ts';
import type { Violation } from '../src/model/violation.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { contractIds } from './shared/contract-ids.ts';
import { describeViolation } from './shared/describe-violation.ts';
import { codeSpan, escapeMarkdown as md } from './shared/escape-markdown.ts';
import { groupWarnings } from './shared/group-warnings.ts';
import { countsLine, reportCommand } from './shared/report-title.ts';
import { writeOutput } from './shared/write-output.ts';
import { auditMarkdown } from './markdown/drift.ts';

/** Most failures shown in full; a PR comment is limited to 65,536 characters. */
const MAX_FAILURES = 50;
/** Longest value shown in the text; longer ones are cut (the JSON and HTML reports have them whole). */
const MAX_VALUE = 400;

/**
 * Render a report as GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY` or a PR comment: a summary
 * line, the vendor × suite matrix, the failures first (each with expected and actual and the rerun
 * command), then warnings and doc findings collapsed in `<details>`; an audit report shows its
 * drift per vendor instead (see {@link auditMarkdown}). Pure; every value is escaped, so report content
 * can never inject Markdown or HTML.
 */
export function renderMarkdown(summary: RunSummary): string {
  // An audit's results are its case pairs, and its drift says everything they do, with the evidence.
  if (summary.audit !== undefined) return `${auditMarkdown(summary, summary.audit).join('\n')}\n`;
  const failed = summary.results.filter((r): r is FailedResult => r.state === 'failed');
  const lines = [
    `## ${summary.ok ? '✅' : '❌'} conformance ${md(reportCommand(summary))}: ${countsLine(summary)}`,
    '',
    `Target ${codeSpan(summary.target)} · ${summary.contracts.length} contract${summary.contracts.length === 1 ? '' : 's'} · ${summary.tool.name} ${md(summary.tool.version)}`,
    '',
    ...matrix(summary),
    ...failures(failed),
    ...warnings(summary),
    ...findings(summary),
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes {@link renderMarkdown} to `options.path` (atomically) or stdout. */
export function createMarkdownReporter(options: ReporterOptions): Reporter {
  return {
    name: 'markdown',
    async onRunEnd(summary) {
      await writeOutput(options, renderMarkdown(summary));
    },
  };
}

function matrix(summary: RunSummary): string[] {
  const suites = summary.suites.filter((s) => summary.results.some((r) => r.suite === s));
  if (suites.length === 0) return [];
  const head = `| vendor/operation | ${suites.map(md).join(' | ')} | total |`;
  const rule = `|---|${suites.map(() => '---|').join('')}---|`;
  const rows = contractIds(summary).map((id) => {
    const mine = summary.results.filter((r) => r.contract === id);
    return `| ${codeSpan(id, true)} | ${suites.map((s) => cell(mine.filter((r) => r.suite === s))).join(' | ')} | ${cell(mine)} |`;
  });
  return [head, rule, ...rows, ''];
}

function cell(results: readonly CheckResult[]): string {
  const failed = results.filter((r) => r.state === 'failed').length;
  const passed = results.filter((r) => r.state === 'passed').length;
  const skipped = results.length - failed - passed;
  if (results.length === 0) return '–';
  const ran = passed + failed;
  return `${failed > 0 ? '❌' : ran > 0 ? '✅' : '⏭️'} ${passed}/${ran}${skipped > 0 ? ` (${skipped} skipped)` : ''}`;
}

function failures(failed: readonly FailedResult[]): string[] {
  if (failed.length === 0) return [];
  const shown = failed.slice(0, MAX_FAILURES).flatMap(failure);
  const more = failed.length > MAX_FAILURES ? [`…and ${failed.length - MAX_FAILURES} more failures (see the JSON or HTML report).`, ''] : [];
  return [`### Failures (${failed.length})`, '', ...shown, ...more];
}

function failure(r: FailedResult): string[] {
  const lines = [`#### ❌ ${codeSpan(r.contract)} › ${codeSpan(r.case ?? 'contract')} › ${codeSpan(r.check)}`, '', md(r.title), ''];
  for (const v of r.violations) lines.push(...violation(v));
  if (r.file !== undefined) lines.push(`File: ${codeSpan(r.file)}`, '');
  if (r.reproduce !== undefined) lines.push(`Rerun: ${codeSpan(r.reproduce)}`, '');
  return lines;
}

function violation(v: Violation): string[] {
  const view = describeViolation(v);
  const head = `- ${v.severity === 'warning' ? '⚠️ ' : ''}**${md(view.rule)}** at ${codeSpan(view.where)}`;
  const rows: string[] = [];
  if (view.context !== undefined) rows.push(`  - context: ${md(cut(view.context))}`);
  if (view.expected !== undefined && view.actual !== undefined) {
    rows.push(`  - expected: ${codeSpan(cut(view.expected))}`, `  - actual: ${codeSpan(cut(view.actual))}`);
    if (view.fix !== undefined) rows.push(`  - fix: ${md(cut(view.fix))}`);
  } else rows.push(`  - ${md(cut(view.message))}`);
  return [head, ...rows, ''];
}

function warnings(summary: RunSummary): string[] {
  const groups = groupWarnings(summary);
  if (groups.length === 0) return [];
  const total = groups.reduce((n, g) => n + g.cases.length, 0);
  const items = groups.map((g) =>
    g.rule === 'run'
      ? `- ${g.contract === '' ? '' : `${codeSpan(g.contract)}: `}${md(cut(g.message))}`
      : `- **${g.cases.length}×** ${codeSpan(g.contract)} ${g.checks.map((c) => codeSpan(c)).join(', ')}: ${md(cut(g.message))}<br>cases: ${md(cut(g.cases.join(', '), 300))}`,
  );
  return [`<details><summary>Warnings (${total})</summary>`, '', ...items, '', '</details>', ''];
}

function findings(summary: RunSummary): string[] {
  if (summary.findings.length === 0) return [];
  const items = summary.findings.map((f) => `- ${codeSpan(f.contract)} **${md(f.title)}** ${codeSpan(f.id)}<br>at ${md(f.location)}<br>${md(cut(f.evidence, 1000))}`);
  return [`<details><summary>Doc findings (${summary.findings.length}) — vendor documentation inconsistencies, not failures</summary>`, '', ...items, '', '</details>', ''];
}

function cut(text: string, max = MAX_VALUE): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
