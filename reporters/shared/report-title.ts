import type { RunSummary } from '../../src/model/run-summary.ts';

/** `run`, `check`, `audit`…: the command a report is about, for titles. */
export function reportCommand(summary: RunSummary): string {
  return summary.command ?? 'run';
}

/** `2 failed, 88 passed, 10 skipped` (failed first, as a reader wants it). */
export function countsLine(summary: RunSummary): string {
  const { passed, failed, skipped } = summary.totals;
  return `${failed} failed, ${passed} passed, ${skipped} skipped`;
}

/** The rerun command of a report: its own when given, else `conformance run`. */
export function rerunCommand(summary: RunSummary): string {
  return summary.rerun ?? 'conformance run';
}
