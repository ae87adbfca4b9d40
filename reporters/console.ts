import type { RunSummary } from '../src/model/run-summary.ts';
import type { Reporter, ReporterOptions, RunStartInfo } from '../src/types/reporter.ts';
import { renderClosing } from './console/closing.ts';
import { renderCoverage } from './console/coverage.ts';
import { renderEntries } from './console/entries.ts';
import { renderFailures } from './console/failures.ts';
import { renderFindings } from './console/findings.ts';
import { createPalette, type Palette } from './console/palette.ts';
import { createContractProgress, type ContractProgress } from './console/progress.ts';
import { renderSummaryTable } from './console/summary-table.ts';
import { SYMBOLS } from './console/symbols.ts';
import { renderWarnings } from './console/warnings.ts';

/**
 * Render the end-of-run report for people: the contract × suite table, every failure explained,
 * doc findings, warnings, and the closing `N passed, N failed, N skipped` line. Pure.
 */
export function renderConsoleSummary(summary: RunSummary, options: { readonly color: boolean }): string {
  const palette = createPalette(options.color);
  const sections = [
    renderSummaryTable(summary, palette),
    renderEntries(summary, palette),
    renderFailures(summary, palette),
    renderFindings(summary, palette),
    renderCoverage(summary, palette),
    renderWarnings(summary, palette),
    renderClosing(summary, palette),
  ].filter((section) => section.length > 0);
  return `\n${sections.map((section) => section.join('\n')).join('\n\n')}\n`;
}

/**
 * The human reporter. While running it prints one line per contract as the contract's results
 * finish (readable in CI logs as well as terminals) and warnings as they happen; at the end it
 * prints {@link renderConsoleSummary}. Writes to `options.stdout`; colour follows `options.color`.
 */
export function createConsoleReporter(options: ReporterOptions): Reporter {
  const palette = createPalette(options.color);
  const write = (lines: readonly string[]): void => {
    if (lines.length > 0) options.stdout.write(`${lines.join('\n')}\n`);
  };
  let progress: ContractProgress = createContractProgress(palette, 0);
  return {
    name: 'console',
    onRunStart(info) {
      progress = createContractProgress(palette, Math.max(0, ...info.contracts.map((c) => c.length)));
      write([runHeader(info, palette), '']);
    },
    onCheckResult(result) {
      write(progress.add(result));
    },
    onWarning(message) {
      write([...progress.flush(), ` ${palette.yellow(SYMBOLS.warning)} ${message}`]);
    },
    onRunEnd(summary) {
      write(progress.flush());
      options.stdout.write(renderConsoleSummary(summary, options));
    },
  };
}

/** `conformance · target replay · 5 contracts · 312 checks` */
function runHeader(info: RunStartInfo, palette: Palette): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return ` ${palette.bold('conformance')} ${palette.dim('·')} target ${info.target} ${palette.dim('·')} ${plural(info.contracts.length, 'contract')} ${palette.dim('·')} ${plural(info.planned, 'check')}`;
}
