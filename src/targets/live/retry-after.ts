/** Longest wait a Retry-After may impose: past it, the next request is failed instead of delayed. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds or an HTTP date (RFC 9110
 * section 10.2.3). Undefined when the header is absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
