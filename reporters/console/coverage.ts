import type { ContractCoverageSummary, CoverageItemSummary, RunSummary } from '../../src/model/run-summary.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

const KINDS = ['field', 'response', 'rule', 'behaviour'] as const;

/**
 * One line per contract: documented items covered both ways, by kind; then each uncovered item with
 * what it lacks. `detail` lists every item with its evidence (the `coverage` command's view).
 */
export function renderCoverage(summary: RunSummary, palette: Palette, detail = false): readonly string[] {
  if (summary.coverage.length === 0) return [];
  const title = palette.bold(`Coverage`);
  const heading = `${title} ${palette.dim('· documented items with a passing case and a case or mutation that must fail')}`;
  const width = Math.max(...summary.coverage.map((c) => c.contract.length));
  return [heading, ...summary.coverage.flatMap((c) => renderContract(c, width, palette, detail))];
}

function renderContract(c: ContractCoverageSummary, width: number, palette: Palette, detail: boolean): string[] {
  const mark = c.covered === c.total ? palette.green(SYMBOLS.passed) : palette.red(SYMBOLS.failed);
  const kinds = KINDS.map((k) => `${count(c.items, k)} ${k}s`).join(', ');
  const line = ` ${mark} ${c.contract.padEnd(width)}  ${c.covered}/${c.total}  ${palette.dim(`(${kinds})`)}`;
  const shown = detail ? c.items : c.items.filter((i) => !i.covered);
  return [line, ...shown.map((i) => renderItem(i, palette))];
}

function count(items: readonly CoverageItemSummary[], kind: string): number {
  return items.filter((i) => i.kind === kind).length;
}

function renderItem(i: CoverageItemSummary, palette: Palette): string {
  const mark = i.covered ? palette.green(SYMBOLS.passed) : palette.red(SYMBOLS.failed);
  const list = (xs: readonly string[]): string => (xs.length === 0 ? palette.red('none') : xs.slice(0, 4).join(', ') + (xs.length > 4 ? ` +${xs.length - 4}` : ''));
  const missed = i.missed.length === 0 ? '' : `  ${palette.red(`missed: ${i.missed.join(', ')}`)}`;
  return `     ${mark} ${i.id}  ${palette.dim('pass:')} ${list(i.passing)}  ${palette.dim('fail:')} ${list(i.failing)}${missed}`;
}

/**
 * One line for a run: documented items covered both ways over all contracts, and the command that
 * lists them; each contract with an uncovered item gets its own line.
 */
export function renderCoverageLine(summary: RunSummary, palette: Palette, width = 80): readonly string[] {
  if (summary.coverage.length === 0) return [];
  const covered = summary.coverage.reduce((n, c) => n + c.covered, 0);
  const total = summary.coverage.reduce((n, c) => n + c.total, 0);
  const mark = covered === total ? palette.green(SYMBOLS.passed) : palette.red(SYMBOLS.failed);
  const gaps = summary.coverage.filter((c) => c.covered < c.total).map((c) => `   ${palette.red(SYMBOLS.failed)} ${c.contract} ${c.covered}/${c.total}`);
  const text = `${covered}/${total} documented items covered both ways:`;
  const shown = text.length + 25 <= width ? text : `${covered}/${total} items covered:`;
  return [` ${mark} ${shown} ${palette.cyan('conformance coverage')}`, ...gaps];
}
