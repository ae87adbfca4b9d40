import type { RunSummary } from '../../src/model/run-summary.ts';
import { formatDuration } from '../shared/format-duration.ts';
import { truncate } from '../shared/fit-width.ts';
import { failedResults } from './failures.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/** The most failed ids listed above the closing line; the rest are counted. */
const MAX_LISTED = 30;

/** The ids of the failed checks, again, just above the closing line (where a CI log ends). Empty when none failed. */
export function renderFailedIds(summary: RunSummary, palette: Palette, width = 80): readonly string[] {
  const failed = failedResults(summary);
  if (failed.length === 0) return [];
  const listed = failed.slice(0, MAX_LISTED).map((r) => `   ${palette.red(SYMBOLS.failed)} ${truncate(r.id, width - 5)}`);
  const more = failed.length > MAX_LISTED ? [`   ${palette.dim(`… and ${failed.length - MAX_LISTED} more (see the failures above)`)}`] : [];
  return [` ${palette.bold(palette.red(`Failed (${failed.length}):`))}`, ...listed, ...more];
}

/**
 * The closing lines: `N passed, N failed, N skipped` alone on its line (all three counts, always,
 * so scripts can grep it), then duration, target and contract count.
 */
export function renderClosing(summary: RunSummary, palette: Palette): readonly string[] {
  const { passed, failed, skipped } = summary.totals;
  const counts = [
    palette.green(`${passed} passed`),
    failed > 0 ? palette.red(palette.bold(`${failed} failed`)) : `${failed} failed`,
    skipped > 0 ? palette.yellow(`${skipped} skipped`) : `${skipped} skipped`,
  ].join(', ');
  const shard = summary.shard === undefined ? '' : ` · shard ${summary.shard.index}/${summary.shard.total}`;
  const meta = `Duration ${formatDuration(summary.durationMs)} · target ${summary.target}${shard} · ${summary.contracts.length} contract${summary.contracts.length === 1 ? '' : 's'}`;
  return [` ${counts}`, ` ${palette.dim(meta)}`];
}
