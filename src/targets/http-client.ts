import type { HttpRequest } from '../model/http.ts';
import { normalizeHeaders } from '../model/http.ts';
import type { SendResult } from '../types/target.ts';

/** Per-request limits. */
export interface HttpClientOptions {
  /** @default 10000 */
  readonly timeoutMs?: number;
  /** @default 5 MiB */
  readonly maxBodyBytes?: number;
}

/**
 * Send one request with the global fetch (which replay intercepts with msw). Never throws:
 * timeouts, network errors and oversized bodies come back as failures. Never retries.
 */
export async function sendHttp(request: HttpRequest, options: HttpClientOptions = {}): Promise<SendResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    const init: RequestInit = { method: request.method, headers: request.headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' };
    if (request.method !== 'GET') init.body = request.body;
    const res = await fetch(request.url, init);
    const body = await readLimited(res, options.maxBodyBytes ?? 5 * 1024 * 1024);
    if (body === undefined) return { ok: false, kind: 'too-large', problem: `response body from ${new URL(request.url).host} exceeds the size limit` };
    const response = { status: res.status, headers: normalizeHeaders(res.headers), body };
    return { ok: true, exchange: { request, response, durationMs: Math.round(performance.now() - started) } };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, kind: 'timeout', problem: `no response within ${timeoutMs} ms` };
    return { ok: false, kind: 'network', problem: describeNetworkError(error) };
  }
}

async function readLimited(res: Response, max: number): Promise<string | undefined> {
  const buffer = await res.arrayBuffer();
  if (buffer.byteLength > max) return undefined;
  return new TextDecoder('utf-8').decode(buffer);
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
