import type { CheckResult, SuiteName } from './check-result.ts';
import type { EntrySummary } from './entry-summary.ts';

/** Version of the JSON report shape (`reporters/json-report.schema.json`). */
export const REPORT_SCHEMA_VERSION = 1;

/** Counts of check states. */
export interface Totals {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** A place where a vendor doc contradicts itself or the vendor's behaviour. Not a failure. */
export interface Finding {
  readonly id: string;
  readonly contract: string;
  readonly title: string;
  readonly location: string;
  readonly evidence: string;
}

/** One contract in the run. */
export interface ContractSummary {
  readonly id: string;
  readonly vendor: string;
  readonly operation: string;
  readonly protocol: string;
  readonly file: string;
  readonly cases: number;
  readonly totals: Totals;
}

/** A non-fatal problem noticed during the run (e.g. a stale recording). */
export interface RunWarning {
  readonly message: string;
  readonly contract?: string;
}

/** Everything a reporter needs to render a finished run. Pure data: no clock, fs or env needed. */
export interface RunSummary {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  /** True when no check failed. */
  readonly ok: boolean;
  readonly totals: Totals;
  readonly suites: readonly SuiteName[];
  readonly contracts: readonly ContractSummary[];
  readonly results: readonly CheckResult[];
  readonly findings: readonly Finding[];
  /** Per contract: every documented item and the passing and failing evidence for it. */
  readonly coverage: readonly ContractCoverageSummary[];
  readonly warnings: readonly RunWarning[];
  /** For `conformance check` (target `check`): every captured entry, checked or not, in file order. */
  readonly entries?: readonly EntrySummary[];
}

/** One documented item's coverage: the evidence that it is exercised both ways. */
export interface CoverageItemSummary {
  readonly kind: 'field' | 'response' | 'rule' | 'behaviour';
  /** e.g. `request /invoices/invoice[]/id`, `response settled`, `rule line-total`, `behaviour notes-accumulate`. */
  readonly id: string;
  /** Cases (or instances derived from them) that exercise the item and pass. */
  readonly passing: readonly string[];
  /** Cases that must fail on the item, or `mutation:<what>` breakages the checks caught. */
  readonly failing: readonly string[];
  /** Mutations the checks did not catch. */
  readonly missed: readonly string[];
  /** Passing and failing evidence, and nothing missed. */
  readonly covered: boolean;
}

/** Coverage of one contract, as reports carry it. */
export interface ContractCoverageSummary {
  readonly contract: string;
  readonly total: number;
  readonly covered: number;
  readonly items: readonly CoverageItemSummary[];
}

/** Count results by state. */
export function countTotals(results: readonly CheckResult[]): Totals {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of results) {
    if (r.state === 'passed') passed++;
    else if (r.state === 'failed') failed++;
    else skipped++;
  }
  return { passed, failed, skipped };
}
