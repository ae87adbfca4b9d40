import type { CheckResult, SuiteName } from '../../src/model/check-result.ts';
import { assertNever } from '../../src/model/result.ts';
import type { RunSummary, Totals } from '../../src/model/run-summary.ts';
import { contractIds } from '../shared/contract-ids.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';
import { tally } from './tally.ts';

/** A table cell before colouring: padding is computed on the plain text. */
interface Cell {
  readonly text: string;
  readonly tone: 'pass' | 'fail' | 'skip' | 'empty' | 'head' | 'plain';
}

/**
 * The contract × suite table: one row per contract, one column per suite in `summary.suites`,
 * then a total column. Cells read `12/12`, `3/4 ✗`, `5/5 (1 skipped)`, `2 skipped`, or `-` when
 * the suite had no check for that contract.
 */
export function renderSummaryTable(summary: RunSummary, palette: Palette): readonly string[] {
  const header: readonly Cell[] = ['vendor/operation', ...summary.suites, 'total'].map((text) => ({ text, tone: 'head' }));
  const rows = contractIds(summary).map((id) => tableRow(summary.results, id, summary.suites));
  const widths = header.map((_, col) => Math.max(...[header, ...rows].map((row) => row[col]?.text.length ?? 0)));
  return [header, ...rows].map((row) =>
    row
      .map((cell, col) => paint(cell, widths[col] ?? 0, palette))
      .join('  ')
      .trimEnd(),
  );
}

function tableRow(results: readonly CheckResult[], contract: string, suites: readonly SuiteName[]): readonly Cell[] {
  const inContract = (r: CheckResult): boolean => r.contract === contract;
  const suiteCells = suites.map((suite) => cellFor(tally(results, (r) => inContract(r) && r.suite === suite)));
  return [{ text: contract, tone: 'plain' }, ...suiteCells, cellFor(tally(results, inContract))];
}

/** Text and tone of one cell; the fraction is passed over checks that ran (skips are listed apart). */
function cellFor(totals: Totals): Cell {
  const ran = totals.passed + totals.failed;
  const skipped = totals.skipped > 0 ? `${totals.skipped} skipped` : '';
  if (ran === 0) return skipped === '' ? { text: '-', tone: 'empty' } : { text: skipped, tone: 'skip' };
  const fraction = `${totals.passed}/${ran}${totals.failed > 0 ? ` ${SYMBOLS.failed}` : ''}`;
  const text = skipped === '' ? fraction : `${fraction} (${skipped})`;
  return { text, tone: totals.failed > 0 ? 'fail' : 'pass' };
}

function paint(cell: Cell, width: number, palette: Palette): string {
  const padded = cell.text.padEnd(width);
  switch (cell.tone) {
    case 'pass':
      return palette.green(padded);
    case 'fail':
      return palette.red(padded);
    case 'skip':
      return palette.yellow(padded);
    case 'head':
      return palette.bold(padded);
    case 'empty':
      return palette.dim(padded);
    case 'plain':
      return padded;
    default:
      return assertNever(cell.tone);
  }
}
