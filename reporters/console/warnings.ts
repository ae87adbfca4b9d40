import type { CheckResult } from '../../src/model/check-result.ts';
import type { RunSummary } from '../../src/model/run-summary.ts';
import { assertNever } from '../../src/model/result.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/**
 * Run warnings, then warning-severity violations of checks that passed (a failed check already
 * shows its warnings under its failure). Empty when there are none.
 */
export function renderWarnings(summary: RunSummary, palette: Palette): readonly string[] {
  const runWarnings = summary.warnings.map((w) => (w.contract === undefined ? w.message : `${w.contract}: ${w.message}`));
  const lines = [...runWarnings, ...summary.results.flatMap(checkWarnings)];
  if (lines.length === 0) return [];
  const heading = palette.bold(palette.yellow(`Warnings (${lines.length})`));
  return [heading, ...lines.map((line) => ` ${palette.yellow(SYMBOLS.warning)} ${line}`)];
}

/** `contract › case › check: path [rule] message` for each warning of a passed check. */
function checkWarnings(result: CheckResult): readonly string[] {
  switch (result.state) {
    case 'passed':
      return result.violations
        .filter((v) => v.severity === 'warning')
        .map((v) => `${result.contract} › ${result.case ?? 'contract'} › ${result.check}: ${v.path} [${v.rule}] ${v.message}`);
    case 'failed':
    case 'skipped':
      return [];
    default:
      return assertNever(result);
  }
}
