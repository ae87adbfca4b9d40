import { parseRetryAfter } from './retry-after.ts';

/** Wait after a 429 with no readable Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * Per-vendor (per-origin) pacing after a 429: the vendor's Retry-After sets the earliest time the
 * next request to it may be sent. The rate-limited request itself is never resent.
 */
export interface VendorGates {
  /** Epoch ms before which no request may go to this origin (0 when free). */
  notBefore(origin: string): number;
  /** Note a response; a 429 closes the gate for its Retry-After (when it gives none, the gates' default: 1 s). */
  observe(origin: string, status: number, retryAfter: string | undefined, now: number): void;
}

/** New, open gates; `unannouncedWaitMs` is the wait after a 429 with no readable Retry-After. */
export function createVendorGates(unannouncedWaitMs = DEFAULT_RETRY_AFTER_MS): VendorGates {
  const gates = new Map<string, number>();
  return {
    notBefore: (origin) => gates.get(origin) ?? 0,
    observe(origin, status, retryAfter, now) {
      if (status !== 429) return;
      // Not capped here: a wait past MAX_RETRY_AFTER_MS or the run deadline stops sending instead.
      const wait = parseRetryAfter(retryAfter, now) ?? unannouncedWaitMs;
      gates.set(origin, Math.max(gates.get(origin) ?? 0, now + wait));
    },
  };
}
