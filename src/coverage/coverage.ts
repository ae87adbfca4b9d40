/** What a coverage item is about. */
export type CoverageKind = 'field' | 'response' | 'rule' | 'behaviour';

/** One documented item and the evidence that it is exercised both ways. */
export interface CoverageItem {
  readonly kind: CoverageKind;
  /** e.g. `request /invoices/invoice[]/id`, `response settled`, `rule line-total`, `behaviour notes-accumulate`. */
  readonly id: string;
  /** Cases (or instances derived from them) that exercise the item and pass. */
  readonly passing: readonly string[];
  /** Cases that must fail on it, or mutations that the checks caught (`mutation:<what>`). */
  readonly failing: readonly string[];
  /** Mutations the checks did not catch: each is a hole in the contract or the engine. */
  readonly missed: readonly string[];
  /** Passing and failing evidence, and nothing missed. */
  readonly covered: boolean;
}

/** Coverage of one contract. */
export interface ContractCoverage {
  readonly contract: string;
  readonly total: number;
  readonly covered: number;
  readonly items: readonly CoverageItem[];
}

/** Build an item, deciding `covered` from its evidence. */
export function coverageItem(kind: CoverageKind, id: string, passing: readonly string[], failing: readonly string[], missed: readonly string[] = []): CoverageItem {
  return { kind, id, passing, failing, missed, covered: passing.length > 0 && failing.length > 0 && missed.length === 0 };
}

/** Summarize a contract's items. */
export function contractCoverage(contract: string, items: readonly CoverageItem[]): ContractCoverage {
  return { contract, total: items.length, covered: items.filter((i) => i.covered).length, items };
}
