import type { CheckResult } from '../../src/model/check-result.ts';
import { countTotals, type Totals } from '../../src/model/run-summary.ts';

/** Counts of the results matching `keep`. */
export function tally(results: readonly CheckResult[], keep: (result: CheckResult) => boolean): Totals {
  return countTotals(results.filter(keep));
}

/** `3 passed, 1 failed, 2 skipped`, leaving out zero failed/skipped counts (passed always shows). */
export function describeTotals(totals: Totals): string {
  const parts = [`${totals.passed} passed`];
  if (totals.failed > 0) parts.push(`${totals.failed} failed`);
  if (totals.skipped > 0) parts.push(`${totals.skipped} skipped`);
  return parts.join(', ');
}
