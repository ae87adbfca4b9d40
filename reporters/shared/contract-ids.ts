import type { RunSummary } from '../../src/model/run-summary.ts';

/**
 * Every contract id of a run, in report order: the summary's contracts first, then any contract
 * that only appears in results (so no result is ever left out of a per-contract view).
 */
export function contractIds(summary: RunSummary): readonly string[] {
  const ids = new Set(summary.contracts.map((c) => c.id));
  for (const result of summary.results) ids.add(result.contract);
  return [...ids];
}
