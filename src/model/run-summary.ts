import type { AuditSection, DriftLevel } from './audit-section.ts';
import type { CheckResult, SuiteName } from './check-result.ts';
import type { EntrySummary } from './entry-summary.ts';
import type { Shard } from './shard.ts';

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
  /** The command whose results these are (absent: `run`). Reporters title their output with it. */
  readonly command?: ReportCommand;
  /** For an audit: every drifted value with its before/after evidence, in pair order then rule order. */
  readonly drift?: readonly DriftEntry[];
  /** For an audit: the folders compared, the `--fail-on` threshold, and the counts by pair state and severity. */
  readonly audit?: AuditSection;
  /** How to rerun this report's command (e.g. `conformance audit --baseline B`); absent: `conformance run`. */
  readonly rerun?: string;
  /** For `conformance check` (target `check`): every captured entry, checked or not, in file order. */
  readonly entries?: readonly EntrySummary[];
  /** `--shard i/n`: this report holds one part of the whole (absent: the whole). */
  readonly shard?: Shard;
}

/** Commands that render through the one report model. */
export type ReportCommand = 'run' | 'check' | 'audit' | 'pact-verify';

/** One drifted value of an audit, as reports show it. Absent before/after: the value did not exist. */
export interface DriftEntry {
  /** The drift rule, e.g. `drift.field-removed`. */
  readonly id: string;
  /** The rule id without `drift.`, e.g. `field-removed`. */
  readonly kind: string;
  readonly severity: DriftLevel;
  readonly vendor: string;
  readonly contract: string;
  readonly case: string;
  /** Recording path relative to the baseline and current folders. */
  readonly file: string;
  readonly path: string;
  readonly before?: string | number | boolean | null;
  readonly after?: string | number | boolean | null;
  readonly message: string;
  /** Which readers the change breaks; present on breaking changes. */
  readonly breaks?: string;
  /** The change of the same pair this one follows from: reporters show consequences under their cause. */
  readonly causedBy?: { readonly id: string; readonly path: string };
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
