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

/** Short column titles, so the table fits 80 columns. */
const SHORT: Readonly<Record<string, string>> = { 'request-building': 'request', 'response-parsing': 'response' };

/**
 * The vendor × suite table: one row per contract, one column per suite in `summary.suites`, then a
 * total. Cells read `12/12`, `3/4 ✗`, `5/5 ↓2` (2 skipped), `↓2`, or `-` when the suite had no check
 * for that contract. Rows are labelled by contract id, or by vendor when ids would not fit `width`.
 */
export function renderSummaryTable(summary: RunSummary, palette: Palette, width = 80): readonly string[] {
  const ids = contractIds(summary);
  const header: Cell[] = ['', ...summary.suites.map((s) => SHORT[s] ?? s), 'total'].map((text) => ({ text, tone: 'head' }));
  const rows = ids.map((id) => tableRow(summary.results, id, summary.suites));
  const byVendor = vendorLabels(ids);
  const fits = (table: readonly (readonly Cell[])[]): boolean => lineWidth(table) <= width;
  const table = fits([header, ...rows]) || byVendor === undefined ? rows : rows.map((row, i) => [{ text: byVendor[i] ?? '', tone: 'plain' as const }, ...row.slice(1)]);
  return layout([header, ...table], palette);
}

function layout(table: readonly (readonly Cell[])[], palette: Palette): string[] {
  const widths = columnWidths(table);
  return table.map((row) => ` ${row.map((cell, col) => paint(cell, widths[col] ?? 0, palette)).join('  ')}`.trimEnd());
}

function columnWidths(table: readonly (readonly Cell[])[]): number[] {
  const first = table[0] ?? [];
  return first.map((_, col) => Math.max(...table.map((row) => row[col]?.text.length ?? 0)));
}

function lineWidth(table: readonly (readonly Cell[])[]): number {
  const widths = columnWidths(table);
  return 1 + widths.reduce((a, b) => a + b, 0) + 2 * Math.max(0, widths.length - 1);
}

/** Vendor names as row labels, when each contract is its vendor's only one. */
function vendorLabels(ids: readonly string[]): readonly string[] | undefined {
  const vendors = ids.map((id) => id.split('/')[0] ?? id);
  return new Set(vendors).size === vendors.length ? vendors : undefined;
}

function tableRow(results: readonly CheckResult[], contract: string, suites: readonly SuiteName[]): readonly Cell[] {
  const inContract = (r: CheckResult): boolean => r.contract === contract;
  const suiteCells = suites.map((suite) => cellFor(tally(results, (r) => inContract(r) && r.suite === suite)));
  return [{ text: contract, tone: 'plain' }, ...suiteCells, cellFor(tally(results, inContract))];
}

/** Text and tone of one cell; the fraction is passed over checks that ran (skips are shown apart). */
function cellFor(totals: Totals): Cell {
  const ran = totals.passed + totals.failed;
  const skipped = totals.skipped > 0 ? `${SYMBOLS.skipped}${totals.skipped}` : '';
  if (ran === 0) return skipped === '' ? { text: '-', tone: 'empty' } : { text: skipped, tone: 'skip' };
  const fraction = `${totals.passed}/${ran}${totals.failed > 0 ? ` ${SYMBOLS.failed}` : ''}`;
  const text = skipped === '' ? fraction : `${fraction} ${skipped}`;
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
