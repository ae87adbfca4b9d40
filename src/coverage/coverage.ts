import type { ContractCoverageSummary, CoverageItemSummary } from '../model/run-summary.ts';

/** What a coverage item is about. */
export type CoverageKind = CoverageItemSummary['kind'];

/**
 * One documented item and the evidence that it is exercised both ways: `passing` cases (or instances
 * derived from them), `failing` cases or caught `mutation:<what>`s, and `missed` mutations the checks
 * did not catch (each a hole in the contract or the engine). The model defines the shape reports carry.
 */
export type CoverageItem = CoverageItemSummary;

/** Coverage of one contract. */
export type ContractCoverage = ContractCoverageSummary;

/** Build an item, deciding `covered` from its evidence. */
export function coverageItem(kind: CoverageKind, id: string, passing: readonly string[], failing: readonly string[], missed: readonly string[] = []): CoverageItem {
  return { kind, id, passing, failing, missed, covered: passing.length > 0 && failing.length > 0 && missed.length === 0 };
}

/** Summarize a contract's items. */
export function contractCoverage(contract: string, items: readonly CoverageItem[]): ContractCoverage {
  return { contract, total: items.length, covered: items.filter((i) => i.covered).length, items };
}
