import type { RunSummary } from '../src/model/run-summary.ts';
import type { Reporter, ReporterOptions, RunStartInfo } from '../src/types/reporter.ts';
import { renderClosing, renderFailedIds } from './console/closing.ts';
import { renderCoverageLine } from './console/coverage.ts';
import { renderAuditSections } from './console/drift.ts';
import { renderEntries } from './console/entries.ts';
import { renderFailures } from './console/failures.ts';
import { renderFindingsCount } from './console/findings.ts';
import { createPalette, type Palette } from './console/palette.ts';
import { createContractProgress, exchangeLine, statusLine, type ContractProgress } from './console/progress.ts';
import { renderSummaryTable } from './console/summary-table.ts';
import { SYMBOLS } from './console/symbols.ts';
import { renderWarnings } from './console/warnings.ts';
import { truncate } from './shared/fit-width.ts';

/** How the end-of-run report is laid out. */
export interface ConsoleLayout {
  readonly color: boolean;
  /** Terminal width. @default 80 */
  readonly columns?: number;
}

/** Narrowest width the console lays out for; narrower terminals wrap. */
const MIN_COLUMNS = 40;

/**
 * Render the end-of-run report for people, modelled on vitest and Newman: the vendor × suite table,
 * each failure as a small block, warnings grouped with counts, one line each for doc findings and
 * coverage (with the commands that list them), the failed ids again, and the closing
 * `N passed, N failed, N skipped` line. An audit report shows its drift instead (see
 * {@link renderAuditSections}). Pure.
 */
export function renderConsoleSummary(summary: RunSummary, options: ConsoleLayout): string {
  const palette = createPalette(options.color);
  const width = Math.max(MIN_COLUMNS, options.columns ?? 80);
  // An audit's results are its case pairs, and its drift says everything they do, with the evidence.
  if (summary.audit !== undefined) return layout(renderAuditSections(summary, summary.audit, palette));
  const notes = [...renderFindingsCount(summary, palette, width), ...renderCoverageLine(summary, palette, width)];
  const sections = [
    renderSummaryTable(summary, palette, width),
    renderEntries(summary, palette),
    renderFailures(summary, palette, width),
    renderWarnings(summary, palette, width),
    notes,
    renderFailedIds(summary, palette, width),
    renderClosing(summary, palette),
  ];
  return layout(sections);
}

/** Non-empty sections, a blank line between them. */
function layout(sections: readonly (readonly string[])[]): string {
  return `\n${sections.filter((section) => section.length > 0).map((section) => section.join('\n')).join('\n\n')}\n`;
}

/**
 * The human reporter. While running it prints each exchange as it completes (live and simulate;
 * replay answers in-process), one line per contract as the contract's results finish, and warnings
 * as they happen; on a TTY a status line shows progress and is redrawn in place. At the end it
 * prints {@link renderConsoleSummary}. Writes to `options.stdout`; colour follows `options.color`.
 */
export function createConsoleReporter(options: ReporterOptions): Reporter {
  const palette = createPalette(options.color);
  const columns = Math.max(MIN_COLUMNS, options.columns ?? 80);
  let status = false;
  let showExchanges = false;
  const write = (lines: readonly string[]): void => {
    if (lines.length === 0) return;
    options.stdout.write(`${clearStatus()}${lines.join('\n')}\n`);
  };
  const clearStatus = (): string => {
    if (!status) return '';
    status = false;
    return '\r\u001b[2K';
  };
  let progress: ContractProgress = createContractProgress(palette, 0);
  return {
    name: 'console',
    onRunStart(info) {
      showExchanges = info.target !== 'replay' && info.target !== 'check';
      progress = createContractProgress(palette, Math.max(0, ...info.contracts.map((c) => c.length)));
      write([runHeader(info, palette, columns)]);
    },
    onExchange(exchange) {
      if (!showExchanges) return;
      write([exchangeLine(exchange, palette, columns)]);
      if (options.tty === true && exchange.done < exchange.total) {
        options.stdout.write(statusLine(exchange, palette, columns));
        status = true;
      }
    },
    onCheckResult(result) {
      // Replay and check finish in well under a second and the table shows every contract: a line per
      // contract as it completes is progress only where the vendor (or simulator) takes real time.
      if (showExchanges) write(progress.add(result));
    },
    onWarning(message) {
      // In full, not cut to the width: a run warning says where (e.g. which entries of a capture hold live secrets).
      write([...progress.flush(), ` ${palette.yellow(SYMBOLS.warning)} ${message}`]);
    },
    onRunEnd(summary) {
      write(progress.flush());
      options.stdout.write(clearStatus() + renderConsoleSummary(summary, { color: options.color, columns }));
    },
  };
}

/** `conformance · target replay · 5 contracts · 312 checks` */
function runHeader(info: RunStartInfo, palette: Palette, columns: number): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const exchanges = info.target === 'replay' || info.exchanges === undefined ? '' : ` · ${plural(info.exchanges, 'exchange')}`;
  const plain = `target ${info.target} · ${plural(info.contracts.length, 'contract')} · ${plural(info.planned, 'check')} planned${exchanges}`;
  return ` ${palette.bold('conformance')} ${palette.dim('·')} ${truncate(plain, columns - 16)}`;
}
