/** A fixed one-minute window of requests per caller (e.g. per API key), as vendors document it. */
export interface RateLimiter {
  /** Count one request; the seconds to wait when it is over the limit, else undefined. */
  hit(caller: string, now: number): number | undefined;
}

/** A limiter allowing `perMinute` requests per caller per minute. */
export function createRateLimiter(perMinute: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(caller, now) {
      let w = windows.get(caller);
      if (w === undefined || now - w.start >= 60_000) {
        w = { start: now, count: 0 };
        windows.set(caller, w);
      }
      w.count++;
      return w.count > perMinute ? Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000)) : undefined;
    },
  };
}
