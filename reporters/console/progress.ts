import type { CheckResult } from '../../src/model/check-result.ts';
import { countTotals, type Totals } from '../../src/model/run-summary.ts';
import type { ExchangeInfo } from '../../src/types/reporter.ts';
import { formatDuration } from '../shared/format-duration.ts';
import { truncate } from '../shared/fit-width.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';
import { describeTotals } from './tally.ts';

/** Collects results and yields one line per contract, for logs that are read top to bottom (CI or TTY). */
export interface ContractProgress {
  /** Record a result; returns the finished contract's line when the result starts another contract. */
  add(result: CheckResult): readonly string[];
  /** Line for the contract still open (at run end, or before printing a warning). */
  flush(): readonly string[];
}

/**
 * Track results in arrival order and emit a contract's line once results move on to another contract.
 * The runner reports contract by contract; if it ever interleaves, a contract simply gets several lines.
 * @param width Column width for contract ids, so lines align (longest planned id).
 */
export function createContractProgress(palette: Palette, width: number): ContractProgress {
  let open: CheckResult[] = [];
  const flush = (): readonly string[] => {
    const line = open.length === 0 ? [] : [progressLine(open, palette, width)];
    open = [];
    return line;
  };
  return {
    add(result) {
      const finished = open[0] !== undefined && open[0].contract !== result.contract ? flush() : [];
      open.push(result);
      return finished;
    },
    flush,
  };
}

/** ` ✓ centra/invoices_Update   12 passed, 1 skipped  (34ms)` */
function progressLine(results: readonly CheckResult[], palette: Palette, width: number): string {
  const totals = countTotals(results);
  const contract = results[0]?.contract ?? '';
  const ms = results.reduce((sum, r) => sum + r.durationMs, 0);
  const counts = describeTotals(totals);
  return ` ${mark(totals, palette)} ${contract.padEnd(width)}  ${counts}  ${palette.dim(`(${formatDuration(ms)})`)}`;
}

/** ✗ if anything failed, ✓ if something passed, ↓ if everything was skipped. */
function mark(totals: Totals, palette: Palette): string {
  if (totals.failed > 0) return palette.red(SYMBOLS.failed);
  if (totals.passed > 0) return palette.green(SYMBOLS.passed);
  return palette.yellow(SYMBOLS.skipped);
}

/** ` → centra/invoices_Update › update-ok  HTTP 200  412ms` (or the reason there was no answer), cut to `columns`. */
export function exchangeLine(e: ExchangeInfo, palette: Palette, columns: number): string {
  const answer = e.ok ? `HTTP ${e.status ?? '?'}` : `no answer: ${e.problem ?? 'unknown'}`;
  const plain = `${e.contract} › ${e.case}  ${answer}  ${formatDuration(e.durationMs)}`;
  const arrow = e.ok ? palette.dim('→') : palette.red(SYMBOLS.failed);
  return ` ${arrow} ${truncate(plain, columns - 4)}`;
}

/** The redrawn TTY status line: ` 12/40 exchanges · last centra/invoices_Update › update-ok`. */
export function statusLine(e: ExchangeInfo, palette: Palette, columns: number): string {
  return palette.dim(truncate(` ${e.done}/${e.total} exchanges · last ${e.contract} › ${e.case}`, columns - 1));
}
