import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { createRequire } from 'node:module';
import type { Readable, Transform } from 'node:stream';
import type { HttpRequest } from '../../model/http.ts';
import type { SendResult } from '../../types/target.ts';
import { decodeBody } from '../../codec/text/decode-body.ts';
import { BodyReadError, failure, hostOf, type HttpClientOptions } from '../http-client.ts';

/** The headers `fetch` adds to every request that does not set them; sent alike, so a vendor sees what it saw before. */
const FETCH_DEFAULT_HEADERS: readonly (readonly [string, string])[] = [
  ['accept', '*/*'],
  ['accept-language', '*'],
  ['sec-fetch-mode', 'cors'],
  ['user-agent', 'node'],
  ['accept-encoding', 'gzip, deflate'],
];

// node:https (with tls) and node:zlib load on first use: a replay run, or one against the loopback simulators, needs neither.
const requireBuiltin = createRequire(import.meta.url);
const https = (): typeof import('node:https') => requireBuiltin('node:https') as typeof import('node:https');
const zlib = (): typeof import('node:zlib') => requireBuiltin('node:zlib') as typeof import('node:zlib');

/** Statuses whose answer has no body (Fetch's null body statuses): never decompressed. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Idle kept-alive sockets are closed after 4 s, or 1 s before the server's `Keep-Alive: timeout`, as fetch
 * does, so a request is not sent on a socket the server is closing (a hint of 1 s or less: not kept).
 */
const IDLE_SOCKET_MS = 4000;

/** An HTTP client for live vendors and the simulators, with its own pool of kept-alive connections. */
export interface NodeHttpClient {
  /** Send one request; never throws (see sendHttp for the failures). */
  send(request: HttpRequest, options?: HttpClientOptions): Promise<SendResult>;
  /** Close the pooled connections. */
  close(): void;
}

/**
 * The live and simulate targets' HTTP client: `node:http` and `node:https` with keep-alive agents, on the
 * wire as `fetch` (its default headers, `text/plain;charset=UTF-8` for a body without a Content-Type,
 * gzip and deflate answers decoded, redirects not followed), with the same limits and failures as
 * `sendHttp`: a timeout for the complete response, a body size limit checked while reading, a truncated
 * body reported with its byte count. About a quarter of fetch's CPU per request (no WHATWG Request,
 * Response and streams around each exchange). Never retries. Replay keeps `sendHttp`, whose fetch msw intercepts.
 */
export function createNodeHttpClient(): NodeHttpClient {
  const agents: Agents = { http: new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS }), https: undefined };
  return {
    send: (request, options = {}) => send(request, options, agents),
    close: () => {
      agents.http.destroy();
      agents.https?.destroy();
    },
  };
}

interface Agents {
  readonly http: HttpAgent;
  /** Made on the first https request. */
  https: HttpsAgent | undefined;
}

function send(request: HttpRequest, options: HttpClientOptions, agents: Agents): Promise<SendResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const max = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const host = hostOf(request.url);
  return new Promise<SendResult>((resolve) => {
    let req: ClientRequest | undefined;
    let timedOut: DOMException | undefined;
    let responded = false;
    let settled = false;
    const settle = (result: SendResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      timedOut = new DOMException(`no complete response within ${timeoutMs} ms`, 'TimeoutError');
      req?.destroy(timedOut);
    }, timeoutMs);
    try {
      const url = new URL(request.url);
      // As fetch refuses them: a user name or password in the URL would go out as Basic credentials.
      if (url.username !== '' || url.password !== '') return settle({ ok: false, kind: 'network', problem: `${host}: a URL with credentials in it is not sent` });
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body;
      const onResponse = (res: IncomingMessage): void => {
        responded = true;
        readResponse(res, request.method, max, (bytes, error) => {
          if (error !== undefined) return settle(failure(error instanceof BodyReadError && timedOut !== undefined ? new BodyReadError(error.reason, error.bytes, timedOut) : error, host, timeoutMs));
          const headers = responseHeaders(res);
          const text = decodeBody(bytes, headers['content-type']);
          if (!text.ok) return settle({ ok: false, kind: 'body-encoding', problem: `the response from ${host}: ${text.problem.message}` });
          settle({ ok: true, exchange: { request, response: { status: res.statusCode ?? 0, headers, body: text.value }, durationMs: Math.round(performance.now() - started) } });
        });
      };
      req = open(url, { method: request.method, headers: wireHeaders(request, url, body) }, agents, onResponse);
      // Once the answer has started, its body read reports what went wrong (truncated, timed out).
      req.on('error', (error) => {
        if (!responded) settle(failure(timedOut ?? error, host, timeoutMs));
      });
      req.end(body);
    } catch (error) {
      // An invalid header name or value, refused before anything is sent.
      req?.destroy();
      settle(failure(error, host, timeoutMs));
    }
  });
}

/** A request on the URL's scheme, through that scheme's kept-alive agent (the https one made on first use). */
function open(url: URL, init: { readonly method: string; readonly headers: OutgoingHttpHeaders }, agents: Agents, onResponse: (res: IncomingMessage) => void): ClientRequest {
  if (url.protocol !== 'https:') return httpRequest(url, { ...init, agent: agents.http }, onResponse);
  agents.https ??= new (https().Agent)({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  return https().request(url, { ...init, agent: agents.https }, onResponse);
}

/** In fetch's order: host and connection, the request's headers, fetch's defaults it does not set, the body's length (and type when it has none). */
function wireHeaders(request: HttpRequest, url: URL, body: string | undefined): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { host: url.host, connection: 'keep-alive' };
  const given = new Set<string>();
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'connection') delete headers[lower];
    headers[name] = value;
    given.add(lower);
  }
  if (body !== undefined && !given.has('content-type')) headers['content-type'] = 'text/plain;charset=UTF-8';
  for (const [name, value] of FETCH_DEFAULT_HEADERS) if (!given.has(name)) headers[name] = value;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return headers;
}

/** Response headers as fetch's Headers give them: names lower-cased and sorted, repeated values joined by ", " (Set-Cookie: the last). */
function responseHeaders(res: IncomingMessage): Record<string, string> {
  const byName = new Map<string, string>();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    const value = raw[i + 1] ?? '';
    const before = byName.get(name);
    byName.set(name, before === undefined || name === 'set-cookie' ? value : `${before}, ${value}`);
  }
  const out: Record<string, string> = {};
  for (const name of [...byName.keys()].sort()) out[name] = byName.get(name) ?? '';
  return out;
}

/** Read the (decoded) body, stopping as soon as it exceeds `max` bytes; `done` gets the bytes or why the read stopped. */
function readResponse(res: IncomingMessage, method: string, max: number, done: (bytes: Uint8Array, error?: unknown) => void): void {
  const declared = Number(res.headers['content-length'] ?? 'NaN');
  if (Number.isFinite(declared) && declared > max) {
    res.destroy();
    return done(new Uint8Array(0), new BodyReadError('too-large', max));
  }
  const decoders = decodersFor(res, method);
  const chunks: Buffer[] = [];
  let bytes = 0;
  let finished = false;
  const stop = (error: unknown): void => {
    if (finished) return;
    finished = true;
    res.destroy();
    for (const d of decoders) d.destroy();
    done(new Uint8Array(0), error instanceof BodyReadError ? error : new BodyReadError('truncated', bytes, error));
  };
  let stream: Readable = res;
  for (const decoder of decoders) {
    decoder.on('error', stop);
    stream = stream.pipe(decoder);
  }
  res.on('error', stop);
  // The connection closed before the body's end.
  const closedEarly = (): void => stop(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
  res.on('aborted', closedEarly);
  res.on('close', () => {
    if (!res.complete) closedEarly();
  });
  stream.on('data', (chunk: Buffer) => {
    if (finished) return;
    bytes += chunk.byteLength;
    if (bytes > max) return stop(new BodyReadError('too-large', max));
    chunks.push(chunk);
  });
  stream.on('end', () => {
    if (finished) return;
    finished = true;
    done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
  });
}

/** What undoes the body's Content-Encoding as fetch does (gzip, deflate, br, in reverse order); none for an unknown coding, which is left as sent. */
function decodersFor(res: IncomingMessage, method: string): Transform[] {
  const header = res.headers['content-encoding'];
  if (header === undefined || method === 'HEAD' || NULL_BODY_STATUSES.has(res.statusCode ?? 0)) return [];
  const codings = header.toLowerCase().split(',').map((c) => c.trim()).filter((c) => c !== '').reverse();
  const z = zlib();
  const flush = { flush: z.constants.Z_SYNC_FLUSH, finishFlush: z.constants.Z_SYNC_FLUSH };
  const decoders: Transform[] = [];
  for (const coding of codings) {
    if (coding === 'gzip' || coding === 'x-gzip') decoders.push(z.createGunzip(flush));
    else if (coding === 'deflate') decoders.push(z.createInflate(flush));
    else if (coding === 'br') decoders.push(z.createBrotliDecompress({ flush: z.constants.BROTLI_OPERATION_FLUSH, finishFlush: z.constants.BROTLI_OPERATION_FLUSH }));
    else return [];
  }
  return decoders;
}
