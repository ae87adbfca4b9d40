import { http, HttpResponse } from 'msw';
import { encodeBody } from '../codec/text/encode-body.ts';
import { setupServer } from 'msw/node';
import type { Contract } from '../types/contract.ts';
import type { HttpRequest } from '../model/http.ts';
import { normalizeHeaders } from '../model/http.ts';
import type { SendResult, Target } from '../types/target.ts';
import type { HarEntry } from '../recording/har.ts';
import { compareRequests, requestKey, type RequestDifference } from '../recording/compare-requests.ts';
import { entryRequest, entryResponse } from '../recording/entry-to-exchange.ts';
import { sendHttp } from './http-client.ts';

/** A recording available to replay, with the contract it belongs to. */
export interface ReplayEntry {
  readonly contract: Contract;
  readonly entry: HarEntry;
  readonly file: string;
}

// Hop-by-hop and length headers are recomputed by the Response; replaying them would corrupt it.
const SKIPPED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'content-encoding', 'keep-alive']);

/**
 * The offline target: recordings are served by msw inside this process. Only each contract's
 * `.invalid` replay origin is handled; anything else is unhandled and fails (`onUnhandledRequest:
 * 'error'`), and a request that matches no recording fails with the nearest recording and its differences.
 */
export function createReplayTarget(entries: readonly ReplayEntry[], contracts: readonly Contract[] = []): Target {
  const misses = new Map<string, string>();
  const byOrigin = new Map<string, ReplayEntry[]>(contracts.map((c) => [c.transport.replayBaseUrl, []]));
  for (const e of entries) byOrigin.set(e.contract.transport.replayBaseUrl, [...(byOrigin.get(e.contract.transport.replayBaseUrl) ?? []), e]);
  const served = [...byOrigin].map(([origin, candidates]) => ({ prefix: `${origin.toLowerCase()}/`, candidates, index: indexRecordings(candidates) }));
  // One msw handler for every origin: msw matches the URL pattern and reads the cookies of every handler it tries,
  // for every request, so one handler that picks the origin itself costs a fraction of one handler per origin.
  const handler = http.all(() => true, async ({ request }) => {
    const url = request.url.toLowerCase();
    const origin = served.find((s) => url.startsWith(s.prefix));
    if (origin === undefined) {
      // An origin no contract replays fails here, quietly and with a reason.
      misses.set(`${request.method} ${request.url}`, `replay has no recording for ${request.method} ${request.url.replace(/\?.*$/, '')}: replay serves only the contracts' .invalid replay origins, and replay never reaches the network`);
      return HttpResponse.error();
    }
    const received: HttpRequest = { method: request.method, url: request.url, headers: normalizeHeaders(request.headers), body: await request.text() };
    const found = lookUp(origin.index, origin.candidates, received);
    if (found.match !== undefined) return toResponse(found.match.entry);
    misses.set(keyOf(received), `replay has no recording for ${received.method} ${received.url.replace(/\?.*$/, '')}: ${found.explanation}`);
    return HttpResponse.error();
  });
  // msw's onUnhandledRequest: 'error' stays as the last guard should a request slip past the handler.
  const server = setupServer(handler);
  server.listen({ onUnhandledRequest: 'error' });
  const baseUrls = new Map(entries.map((e) => [e.contract.id, e.contract.transport.replayBaseUrl]));
  return {
    name: 'replay',
    baseUrl: (contractId) => baseUrls.get(contractId) ?? `https://${contractId.replace(/[^a-z0-9]/gi, '-')}.replay.invalid`,
    async send(request: HttpRequest): Promise<SendResult> {
      const result = await sendHttp(request);
      if (result.ok) return result;
      const miss = misses.get(keyOf(request)) ?? misses.get(`${request.method.toUpperCase()} ${request.url}`);
      if (miss !== undefined) return { ok: false, kind: 'unmatched', problem: miss };
      return { ok: false, kind: 'unmatched', problem: `replay has no recording for ${request.method} ${new URL(request.url).origin} (${result.problem}); replay never reaches the network` };
    },
    close: async () => server.close(),
  };
}

function keyOf(r: HttpRequest): string {
  return `${r.method.toUpperCase()} ${r.url}\n${r.body}`;
}

interface Found {
  readonly match?: ReplayEntry;
  readonly explanation: string;
}

/**
 * Recordings by contract and request key (see `requestKey`). The first of equal recordings wins, as a scan
 * would pick it. One origin may serve several contracts (operations), each decoding bodies its own way.
 */
function indexRecordings(candidates: readonly ReplayEntry[]): Map<Contract, Map<string, ReplayEntry>> {
  const index = new Map<Contract, Map<string, ReplayEntry>>();
  for (const candidate of candidates) {
    const byKey = index.get(candidate.contract) ?? new Map<string, ReplayEntry>();
    index.set(candidate.contract, byKey);
    const key = requestKey(candidate.contract, entryRequest(candidate.entry));
    if (!byKey.has(key)) byKey.set(key, candidate);
  }
  return index;
}

/** One hash lookup per contract of the origin; only a miss scans for the nearest recording, to explain itself. */
function lookUp(index: ReadonlyMap<Contract, ReadonlyMap<string, ReplayEntry>>, candidates: readonly ReplayEntry[], received: HttpRequest): Found {
  for (const [contract, byKey] of index) {
    const match = byKey.get(requestKey(contract, received));
    if (match !== undefined) return { match, explanation: '' };
  }
  return findRecording(candidates, received);
}

function findRecording(candidates: readonly ReplayEntry[], received: HttpRequest): Found {
  let nearest: { entry: ReplayEntry; diffs: RequestDifference[] } | undefined;
  for (const candidate of candidates) {
    const diffs = compareRequests(candidate.contract, entryRequest(candidate.entry), received);
    if (diffs.length === 0) return { match: candidate, explanation: '' };
    if (nearest === undefined || diffs.length < nearest.diffs.length) nearest = { entry: candidate, diffs };
  }
  if (nearest === undefined) return { explanation: 'no recordings are loaded for this contract, and replay never reaches the network' };
  const shown = nearest.diffs.slice(0, 5).map((d) => `${d.where}: recorded ${show(d.recorded)}, received ${show(d.received)}`);
  const more = nearest.diffs.length > 5 ? `; and ${nearest.diffs.length - 5} more` : '';
  return { explanation: `nearest is ${nearest.entry.file} (case ${nearest.entry.entry._case}), which differs in ${shown.join('; ')}${more}` };
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function toResponse(entry: HarEntry): Response {
  const response = entryResponse(entry);
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) if (!SKIPPED_HEADERS.has(name)) headers.set(name, value);
  const noBody = response.status === 204 || response.status === 304;
  // Served in the recorded charset, so the client decodes it exactly as it would the vendor's bytes.
  return new Response(noBody ? null : encodeBody(response.body, response.headers['content-type']), { status: response.status, headers });
}
