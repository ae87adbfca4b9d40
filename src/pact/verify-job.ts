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
  /** The job's number in this child, 0 first; every answer names it. */
  readonly index: number;
  readonly job: VerifyJob;
  readonly marker: string;
}

/**
 * What the child answers over IPC: `started` as soon as it has a job (a job it never acknowledged
 * never ran, and can be run elsewhere), then the job's `outcome`. `crashed` reports an error that
 * ends the child: `index` is the job it was running, or null when it was between jobs.
 */
export type ChildMessage =
  | { readonly kind: 'started'; readonly index: number }
  | { readonly kind: 'outcome'; readonly index: number; readonly outcome: VerifyOutcome }
  | { readonly kind: 'crashed'; readonly index: number | null; readonly outcome: VerifyOutcome };

/** A provider state that could not be set up. */
export interface StateProblem {
  readonly state: string;
  readonly message: string;
}

/** What the child reports back, once per job. `results` is the verifier's JSON result text (pactffi_verifier_json). */
export type VerifyOutcome =
  | { readonly kind: 'verified'; readonly results: string; readonly stateProblems: readonly StateProblem[] }
  | { readonly kind: 'crashed'; readonly message: string; readonly stateProblems: readonly StateProblem[] };
