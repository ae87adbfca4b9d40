import type { CaseCheck } from './check.ts';
import { CHECKS } from './index.ts';

/**
 * The request checks that apply to a request some other code sent (msw handlers, simulators in CI
 * mode): every case check of the request-building suite except `request.build`, which checks the
 * suite's own builder against a canonical input. The suites' own objects, not copies.
 */
export const RECEIVED_REQUEST_CHECKS: readonly CaseCheck[] = CHECKS.filter(
  (c): c is CaseCheck => c.scope === 'case' && c.suite === 'request-building' && c.id !== 'request.build',
);
