import type { Violation } from './violation.ts';

const RUN_SUITES = ['contract', 'request-building', 'response-parsing', 'scenarios'] as const;

/** The suite of `conformance pact verify` results (not part of a run: a verification of a provider). */
export const PACT_SUITE = 'pact';

/** Suites of other commands that render through the same report model (`audit` pairs). */
export const OTHER_SUITES = ['audit'] as const;

/** Every suite, in report order. */
export const ALL_SUITES: readonly SuiteName[] = [...RUN_SUITES, PACT_SUITE, ...OTHER_SUITES];

/** One suite name. */
export type SuiteName = (typeof RUN_SUITES)[number] | typeof PACT_SUITE | (typeof OTHER_SUITES)[number];

/** The suites of a run, in run order. Part of the JSON report. */
export const SUITES: readonly SuiteName[] = RUN_SUITES;

/** Fields every check result has, whatever its state. */
interface CheckResultBase {
  /** Stable id: `<contract>#<case or "contract">#<check id>`. */
  readonly id: string;
  /** Check id, dotted (e.g. `request.soap-action`). */
  readonly check: string;
  readonly title: string;
  readonly suite: SuiteName;
  /** Contract id, e.g. `centra/invoices_Update`. */
  readonly contract: string;
  /** Case name, or null for contract-level checks. */
  readonly case: string | null;
  readonly durationMs: number;
  /** Repository-relative file the result is about when it is not the contract (a recording or HAR). */
  readonly file?: string;
  /** 1-based line in the contract file (or `file`) where the case is defined, for annotations. */
  readonly line?: number;
  /** For `conformance check`: the id of the captured entry this result is about. */
  readonly entry?: string;
}

/** A check that ran and found no error-severity violation (warnings may be present). */
export interface PassedResult extends CheckResultBase {
  readonly state: 'passed';
  readonly violations: readonly Violation[];
}

/** A check that found at least one error-severity violation. */
export interface FailedResult extends CheckResultBase {
  readonly state: 'failed';
  readonly violations: readonly Violation[];
  /** One command that reproduces the failure. */
  readonly reproduce?: string;
}

/** A check that did not apply or could not run; `reason` says why. */
export interface SkippedResult extends CheckResultBase {
  readonly state: 'skipped';
  readonly reason: string;
}

/** The result of one check on one subject. */
export type CheckResult = PassedResult | FailedResult | SkippedResult;
