import type { Outcome } from '../model/outcome.ts';

/**
 * What a probe says about a vendor's credentials: `valid` only with the contract's documented proof,
 * `rejected` for a documented refusal, `inconclusive` for a documented answer that neither proves
 * nor refuses, `unexpected` for an answer this vendor does not give (undocumented, unreadable, in
 * another content type: a wrong base URL), `unreachable` when no answer came.
 */
export type ProbeVerdict = 'valid' | 'rejected' | 'inconclusive' | 'unreachable' | 'unexpected';

/** Every verdict, in the order reports count them. */
export const PROBE_VERDICTS: readonly ProbeVerdict[] = ['valid', 'rejected', 'inconclusive', 'unreachable', 'unexpected'];

/** Why: what came back, never a secret. */
export interface ProbeEvidence {
  readonly status?: number;
  readonly contentType?: string;
  readonly outcome?: Outcome;
  /** The documented response the answer matched. */
  readonly response?: string | null;
  readonly vendorCode?: string | null;
  readonly message?: string | null;
  /** For valid: the proof that was seen; for inconclusive: what would have proved acceptance. */
  readonly proof?: string;
  /** For inconclusive, unreachable and unexpected: what went wrong. */
  readonly problem?: string;
}

/** One vendor's probe. */
export interface ProbeResult {
  readonly contract: string;
  readonly vendor: string;
  readonly verdict: ProbeVerdict;
  readonly latencyMs: number;
  readonly evidence: ProbeEvidence;
}

/** Version of the `probe --json` shape (2: `inconclusive`, `evidence.proof`, proofs by documented response). */
export const PROBE_SCHEMA_VERSION = 2;

/** The whole probe run, as `probe --json` prints it. */
export interface ProbeReport {
  readonly schemaVersion: typeof PROBE_SCHEMA_VERSION;
  readonly target: string;
  /** True when every probed vendor is valid. */
  readonly ok: boolean;
  readonly durationMs: number;
  readonly results: readonly ProbeResult[];
}
