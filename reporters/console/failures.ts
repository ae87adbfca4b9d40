import type { CheckResult, FailedResult } from '../../src/model/check-result.ts';
import type { RunSummary } from '../../src/model/run-summary.ts';
import type { Violation } from '../../src/model/violation.ts';
import { describeViolation } from '../shared/describe-violation.ts';
import { diffValues, MAX_CHANGES } from '../shared/diff-values.ts';
import { truncate, wrap } from '../shared/fit-width.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/** Most wrapped lines one value gets on the console. */
const MAX_VALUE_LINES = 6;

/** Failed results of a run, in report order. */
export function failedResults(summary: RunSummary): readonly FailedResult[] {
  return summary.results.filter((r: CheckResult): r is FailedResult => r.state === 'failed');
}

/**
 * Every failed check as a small block: contract › case › check and the check's title, then for each
 * violation what (the rule in words) and where (the path), expected and actual on their own lines
 * (a diff when they are long), the fix, and the command that reruns just this case and check.
 */
export function renderFailures(summary: RunSummary, palette: Palette, width = 80): readonly string[] {
  const failed = failedResults(summary);
  if (failed.length === 0) return [];
  const heading = ` ${palette.bold(palette.red(`Failures (${failed.length})`))}`;
  return [heading, ...failed.flatMap((result, i) => ['', ...renderFailure(result, i + 1, palette, width)])];
}

function renderFailure(result: FailedResult, n: number, palette: Palette, width: number): readonly string[] {
  const subject = `${result.contract} › ${result.case ?? 'contract'} › ${result.check}`;
  const lines = [
    ` ${palette.red(SYMBOLS.failed)} ${n}) ${palette.bold(truncate(subject, width - 6))}`,
    ...wrap(result.title, width - 5).map((l) => `    ${palette.dim(l)}`),
    ...result.violations.flatMap((v) => renderViolation(v, palette, width)),
  ];
  if (result.file !== undefined) lines.push(`    ${palette.dim('file')}      ${result.file}`);
  if (result.reproduce !== undefined) lines.push(`    ${palette.dim('rerun')}     ${palette.cyan(result.reproduce)}`);
  return lines;
}

function renderViolation(v: Violation, palette: Palette, width: number): readonly string[] {
  const view = describeViolation(v);
  const mark = v.severity === 'warning' ? palette.yellow(`${SYMBOLS.warning} `) : '';
  const head = `    ${mark}${palette.bold(view.rule)} ${palette.dim('at')} ${palette.yellow(truncate(view.where, width - view.rule.length - 10))}`;
  const field = (label: string, value: string, tone: (s: string) => string = (s) => s): string[] => {
    const lines = wrap(value, width - 16, ' '.repeat(16));
    const shown = lines.length > MAX_VALUE_LINES ? [...lines.slice(0, MAX_VALUE_LINES - 1), `${' '.repeat(16)}… (${lines.length - MAX_VALUE_LINES + 1} more lines in the JSON and HTML reports)`] : lines;
    return shown.map((l, i) => (i === 0 ? `      ${palette.dim(label.padEnd(10))}${tone(l)}` : l));
  };
  if (view.expected === undefined || view.actual === undefined) return [head, ...field('message', view.message)];
  const changes = diffValues(view.expected, view.actual, width - 20);
  const values =
    changes === undefined
      ? [...field('expected', view.expected, palette.green), ...field('actual', view.actual, palette.red)]
      : changes.slice(0, MAX_CHANGES).flatMap((c) => [
          `      ${palette.dim(truncate(c.path === '' ? 'value' : c.path, width - 8))}`,
          ...field('expected', c.expected ?? '(absent)', palette.green),
          ...field('actual', c.actual ?? '(absent)', palette.red),
        ]);
  const more = changes !== undefined && changes.length > MAX_CHANGES ? [`      ${palette.dim(`… ${changes.length - MAX_CHANGES} more changes`)}`] : [];
  const context = view.context === undefined ? [] : field('context', view.context);
  const fix = view.fix === undefined ? [] : field('fix', view.fix);
  return [head, ...context, ...values, ...more, ...fix];
}
