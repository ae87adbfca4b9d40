import type { HttpRequest } from '../model/http.ts';
import { normalizeHeaders } from '../model/http.ts';
import type { SendResult } from '../types/target.ts';
import { decodeBody } from '../codec/text/decode-body.ts';
import { describeNetworkError } from './describe-network-error.ts';

/** Per-request limits. */
export interface HttpClientOptions {
  /** Abort when no complete response (headers and body) has arrived by then. @default 10000 */
  readonly timeoutMs?: number;
  /** Refuse a response body larger than this; the read stops as soon as it is exceeded. @default 5 MiB */
  readonly maxBodyBytes?: number;
}

/** A body read that stopped: too large, or the connection closed or failed part-way. */
export class BodyReadError extends Error {
  constructor(readonly reason: 'too-large' | 'truncated', readonly bytes: number, readonly original?: unknown) {
    super(reason);
  }
}

/**
 * Send one request with the global fetch (which replay intercepts with msw). Never throws:
 * timeouts, network and TLS errors, truncated and oversized bodies come back as failures with a
 * readable problem that names the host, never the URL (its query may hold an API key). Never
 * retries and never follows redirects: an update that has been sent may have changed data.
 */
export async function sendHttp(request: HttpRequest, options: HttpClientOptions = {}): Promise<SendResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const host = hostOf(request.url);
  // Not AbortSignal.timeout: its timer (and the fetch's abort listeners, which hold the request, the
  // response and their streams) would live for the whole timeout after the answer arrived; at
  // thousands of requests a second that kept every one of them alive. This timer is cleared on the answer.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no complete response within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  try {
    const init: RequestInit = { method: request.method, headers: request.headers, signal: controller.signal, redirect: 'manual' };
    if (request.method !== 'GET') init.body = request.body;
    const res = await fetch(request.url, init);
    const bytes = await readLimited(res, options.maxBodyBytes ?? 5 * 1024 * 1024);
    const headers = normalizeHeaders(res.headers);
    const body = decodeBody(bytes, headers['content-type']);
    if (!body.ok) return { ok: false, kind: 'body-encoding', problem: `the response from ${host}: ${body.problem.message}` };
    const response = { status: res.status, headers, body: body.value };
    return { ok: true, exchange: { request, response, durationMs: Math.round(performance.now() - started) } };
  } catch (error) {
    return failure(error, host, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

/** The failure of a send that threw or whose body read stopped, naming the host, never the URL. */
export function failure(error: unknown, host: string, timeoutMs: number): SendResult {
  if (error instanceof BodyReadError) {
    if (error.reason === 'too-large') return { ok: false, kind: 'too-large', problem: `the response body from ${host} exceeds the size limit (more than ${error.bytes} bytes); it was not read further` };
    if (isTimeout(error.original)) return { ok: false, kind: 'timeout', problem: `no complete response from ${host} within ${timeoutMs} ms (the body stopped after ${error.bytes} bytes)` };
    return { ok: false, kind: 'network', problem: `the response body from ${host} was truncated: the connection closed after ${error.bytes} bytes (${describeNetworkError(error.original)})` };
  }
  if (isTimeout(error)) return { ok: false, kind: 'timeout', problem: `no response from ${host} within ${timeoutMs} ms` };
  return { ok: false, kind: 'network', problem: `${host}: ${describeNetworkError(error)}` };
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Read the body's bytes as a stream, stopping as soon as it exceeds `max` bytes. */
async function readLimited(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new BodyReadError('too-large', max);
  }
  if (res.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > max) {
        await reader.cancel().catch(() => undefined);
        throw new BodyReadError('too-large', max);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BodyReadError) throw error;
    throw new BodyReadError('truncated', bytes, error);
  }
  return Buffer.concat(chunks);
}

/** The URL's host (with port), or a placeholder: problems name the host, never the URL (its query may hold an API key). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}
