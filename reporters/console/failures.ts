import type { CheckResult, FailedResult } from '../../src/model/check-result.ts';
import type { RunSummary } from '../../src/model/run-summary.ts';
import type { Violation } from '../../src/model/violation.ts';
import { indent } from './indent.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/**
 * Every failed check, explained: check id and title, contract › case [suite], then each violation's
 * path, rule and message, then the command that reproduces it. Empty when nothing failed.
 */
export function renderFailures(summary: RunSummary, palette: Palette): readonly string[] {
  const failed = summary.results.filter(isFailed);
  if (failed.length === 0) return [];
  const heading = palette.bold(palette.red(`Failures (${failed.length})`));
  return [heading, ...failed.flatMap((result, i) => ['', ...renderFailure(result, i + 1, palette)])];
}

function isFailed(result: CheckResult): result is FailedResult {
  return result.state === 'failed';
}

function renderFailure(result: FailedResult, n: number, palette: Palette): readonly string[] {
  const lines = [
    ` ${palette.red(SYMBOLS.failed)} ${n}) ${palette.bold(result.check)} ${palette.dim('—')} ${result.title}`,
    `    ${result.contract} › ${result.case ?? 'contract'}  ${palette.dim(`[${result.suite}]`)}`,
    ...result.violations.flatMap((v) => renderViolation(v, palette)),
  ];
  if (result.reproduce !== undefined) lines.push(`    ${palette.dim('Reproduce:')} ${palette.cyan(result.reproduce)}`);
  return lines;
}

/** `path  [rule]` then the message indented under it; warnings are marked so they read as such. */
function renderViolation(v: Violation, palette: Palette): readonly string[] {
  const severity = v.severity === 'warning' ? ` ${palette.yellow('(warning)')}` : '';
  return [`    ${palette.yellow(v.path || '(root)')}  ${palette.dim(`[${v.rule}]`)}${severity}`, indent(v.message, '      ')];
}
