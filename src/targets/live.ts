import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpRequest } from '../model/http.ts';
import type { SendResult, Target } from '../types/target.ts';
import { createNodeHttpClient } from './live/node-http-client.ts';
import { createSemaphore } from './live/semaphore.ts';
import { MAX_RETRY_AFTER_MS } from './live/retry-after.ts';
import { createVendorGates } from './live/vendor-gates.ts';

/** How a live (or loopback simulator) target sends. */
export interface LiveTargetOptions {
  /** Target name in reports. @default 'live' */
  readonly name?: string;
  /** Base URL per contract id. */
  readonly baseUrls: Readonly<Record<string, string>>;
  /** Per-request limit (connect, headers and body). @default 10000 */
  readonly timeoutMs?: number;
  /** Per-run limit: no request is sent after it, and none may run past it. @default 120000 */
  readonly runTimeoutMs?: number;
  /** Requests in flight at once, across all vendors. @default 4 */
  readonly concurrency?: number;
  /** @default 5 MiB */
  readonly maxBodyBytes?: number;
  /**
   * Wait after a 429 with no readable Retry-After. The simulators' own rate limit always gives one; their
   * 429 without it is a recorded answer replayed by script, with no limit behind it. @default 1000
   */
  readonly unannouncedRetryAfterMs?: number;
  /** Called by `close()` (e.g. to stop in-process simulators). */
  readonly onClose?: () => Promise<void>;
}

/**
 * A target that sends over real HTTP with the suite's one live HTTP client (node:http, see createNodeHttpClient). Never retries: an update
 * that was sent may have changed data, so a timeout, a reset or a 5xx is reported, not resent.
 * After a 429 the next request to that vendor waits for its Retry-After (seconds, an HTTP date,
 * or `unannouncedRetryAfterMs`, 1 s, when absent or malformed), checked again when a request leaves the concurrency queue; a wait
 * past the run deadline stops sending to that vendor. The 429 itself is the answer the case gets.
 */
export function createLiveTarget(options: LiveTargetOptions): Target {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const runTimeoutMs = options.runTimeoutMs ?? 120_000;
  const deadline = Date.now() + runTimeoutMs;
  const slots = createSemaphore(options.concurrency ?? 4);
  const gates = createVendorGates(options.unannouncedRetryAfterMs);
  const client = createNodeHttpClient();
  const sendNow = async (request: HttpRequest, origin: string): Promise<SendResult | undefined> => {
    // Re-checked on leaving the queue: a 429 may have closed the gate while this request waited for a slot.
    if (gates.notBefore(origin) > Date.now()) return undefined;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return notSent(`the run deadline of ${runTimeoutMs} ms passed before this request could be sent`);
    const result = await client.send(request, { timeoutMs: Math.min(timeoutMs, remaining), ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }) });
    if (result.ok) gates.observe(origin, result.exchange.response.status, result.exchange.response.headers['retry-after'], Date.now());
    return result;
  };
  const send = async (request: HttpRequest): Promise<SendResult> => {
    const origin = originOf(request.url);
    if (origin === undefined) return { ok: false, kind: 'network', problem: 'the base URL is not an http:// or https:// URL' };
    for (;;) {
      const stop = gateStop(gates.notBefore(origin), origin);
      if (stop !== undefined) return stop;
      const waitUntil = gates.notBefore(origin);
      // Wait outside the queue, so that other vendors' requests keep their slots.
      if (waitUntil > Date.now()) await sleep(waitUntil - Date.now());
      const sent = await slots.run(() => sendNow(request, origin));
      if (sent !== undefined) return sent;
    }
  };
  /** A Retry-After past the run deadline (or past MAX_RETRY_AFTER_MS) stops sending to that vendor. */
  const gateStop = (waitUntil: number, origin: string): SendResult | undefined => {
    if (waitUntil <= deadline && waitUntil - Date.now() <= MAX_RETRY_AFTER_MS) return undefined;
    const seconds = Math.ceil((waitUntil - Date.now()) / 1000);
    return notSent(`${new URL(origin).host} asked to wait ${seconds} s (Retry-After), past the run deadline of ${runTimeoutMs} ms${waitUntil - Date.now() > MAX_RETRY_AFTER_MS ? ` or the longest wait honoured (${MAX_RETRY_AFTER_MS / 1000} s)` : ''}; no more requests are sent to this vendor in this run`);
  };
  return {
    name: options.name ?? 'live',
    baseUrl: (contractId) => options.baseUrls[contractId] ?? 'http://base-url-not-configured.invalid',
    send,
    close: async () => {
      client.close();
      await options.onClose?.();
    },
  };
}

function notSent(why: string): SendResult {
  return { ok: false, kind: 'timeout', problem: `${why}; the request was not sent` };
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}
