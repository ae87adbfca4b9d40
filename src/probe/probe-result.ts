import type { Outcome } from '../model/outcome.ts';

/** What a probe says about a vendor's credentials. */
export type ProbeVerdict = 'valid' | 'rejected' | 'unreachable' | 'unexpected';

/** Why: what came back, never a secret. */
export interface ProbeEvidence {
  readonly status?: number;
  readonly contentType?: string;
  readonly outcome?: Outcome;
  /** The documented response the answer matched. */
  readonly response?: string | null;
  readonly vendorCode?: string | null;
  readonly message?: string | null;
  /** For unreachable and unexpected: what went wrong. */
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

/** Version of the `probe --json` shape. */
export const PROBE_SCHEMA_VERSION = 1;

/** The whole probe run, as `probe --json` prints it. */
export interface ProbeReport {
  readonly schemaVersion: typeof PROBE_SCHEMA_VERSION;
  readonly target: string;
  /** True when every probed vendor is valid. */
  readonly ok: boolean;
  readonly durationMs: number;
  readonly results: readonly ProbeResult[];
}
