import type { CheckResult } from '../../src/model/check-result.ts';
import { countTotals, type Totals } from '../../src/model/run-summary.ts';
import { formatDuration } from '../shared/format-duration.ts';
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
