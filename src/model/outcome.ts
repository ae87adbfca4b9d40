/** Normalized outcomes every vendor response is classified into (DESIGN.md "Core ideas"). */
export const OUTCOMES = [
  'ok',
  'auth_failed',
  'not_found',
  'invalid_request',
  'state_conflict',
  'version_conflict',
  'rate_limited',
  'server_error',
  'unknown',
] as const;

/** One normalized outcome. `unknown` means the response matched no documented response. */
export type Outcome = (typeof OUTCOMES)[number];

/** Narrow a string to an {@link Outcome}. */
export function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value);
}
