import type { Substitution } from './credential-filter.ts';

/** What the verifier child process is asked to do: one pact file against one provider. */
export interface VerifyJob {
  readonly pactFile: string;
  readonly providerBaseUrl: string;
  readonly substitutions: readonly Substitution[];
  /** POST each interaction's provider state to `<provider>/__simulator/state`. */
  readonly stateSetup: boolean;
  /** Per-request timeout of the verifier, in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * What the parent sends the child for each job: the job, and the marker the child writes (as
 * `boundary(marker)`, see job-logs.ts) on stdout and stderr when the job is done, before it
 * answers with the job's outcome.
 */
export interface VerifyRequest {
  readonly job: VerifyJob;
  readonly marker: string;
}

/** A provider state that could not be set up. */
export interface StateProblem {
  readonly state: string;
  readonly message: string;
}

/** What the child reports back, once per job. `results` is the verifier's JSON result text (pactffi_verifier_json). */
export type VerifyOutcome =
  | { readonly kind: 'verified'; readonly results: string; readonly stateProblems: readonly StateProblem[] }
  | { readonly kind: 'crashed'; readonly message: string; readonly stateProblems: readonly StateProblem[] };
