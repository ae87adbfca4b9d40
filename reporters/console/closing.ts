import type { RunSummary } from '../../src/model/run-summary.ts';
import { formatDuration } from '../shared/format-duration.ts';
import type { Palette } from './palette.ts';

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
  const meta = `Duration ${formatDuration(summary.durationMs)} · target ${summary.target} · ${summary.contracts.length} contracts`;
  return [counts, palette.dim(meta)];
}
