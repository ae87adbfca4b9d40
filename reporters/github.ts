import type { FailedResult, CheckResult } from '../src/model/check-result.ts';
import type { RunSummary } from '../src/model/run-summary.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { describeViolation } from './shared/describe-violation.ts';
import { groupWarnings } from './shared/group-warnings.ts';

/** GitHub shows at most 10 error and 10 warning annotations per step; more would only be dropped. */
const MAX_ANNOTATIONS = 50;

/**
 * Render GitHub Actions workflow commands, as vitest's `github-actions` reporter does: one
 * `::error file=…,line=…,title=…::` per failed check (the contract file and the case's line, or the
 * recording for audit and check) with expected, actual and the rerun command, and one `::warning` per
 * warning group. Pure; values are encoded as the workflow-command syntax requires.
 */
export function renderGithub(summary: RunSummary): string {
  const files = new Map(summary.contracts.map((c) => [c.id, c.file]));
  const failed = summary.results.filter((r: CheckResult): r is FailedResult => r.state === 'failed');
  const errors = failed.slice(0, MAX_ANNOTATIONS).map((r) => command('error', { file: r.file ?? files.get(r.contract), line: r.line ?? 1, title: `${r.contract} › ${r.case ?? 'contract'} › ${r.check}` }, failureText(r)));
  const warnings = groupWarnings(summary)
    .slice(0, MAX_ANNOTATIONS)
    .map((g) => command('warning', { file: files.get(g.contract), title: `${g.contract} ${g.checks.join(', ')} (${g.cases.length}×)` }, `${g.message}\ncases: ${g.cases.join(', ')}`));
  const lines = [...errors, ...warnings];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Prints {@link renderGithub} to stdout at the end of the run (beside the console, like vitest's). */
export function createGithubReporter(options: ReporterOptions): Reporter {
  return {
    name: 'github',
    onRunEnd(summary) {
      options.stdout.write(renderGithub(summary));
    },
  };
}

function failureText(r: FailedResult): string {
  const parts = [r.title];
  for (const v of r.violations) {
    const view = describeViolation(v);
    parts.push(`${view.rule} at ${view.where}`);
    if (view.expected !== undefined && view.actual !== undefined) parts.push(`expected: ${view.expected}`, `actual: ${view.actual}`, ...(view.fix === undefined ? [] : [`fix: ${view.fix}`]));
    else parts.push(view.message);
  }
  if (r.file !== undefined) parts.push(`file: ${r.file}`);
  if (r.reproduce !== undefined) parts.push(`rerun: ${r.reproduce}`);
  return parts.join('\n');
}

function command(kind: 'error' | 'warning', props: { readonly file?: string | undefined; readonly line?: number; readonly title: string }, message: string): string {
  const list = [
    ...(props.file === undefined ? [] : [`file=${escapeProperty(props.file)}`]),
    ...(props.line === undefined ? [] : [`line=${props.line}`]),
    `title=${escapeProperty(props.title)}`,
  ];
  return `::${kind} ${list.join(',')}::${escapeData(message)}`;
}

/** Workflow-command data: `%`, CR and LF are percent-encoded. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values: additionally `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
