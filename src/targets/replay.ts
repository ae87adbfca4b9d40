import { http, HttpResponse } from 'msw';
import { encodeBody } from '../codec/text/encode-body.ts';
import { SetupServerApi } from 'msw/node';
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import type { Contract } from '../types/contract.ts';
import type { HttpRequest, HttpResponse as RecordedResponse } from '../model/http.ts';
import { normalizeHeaders } from '../model/http.ts';
import type { SendResult, Target } from '../types/target.ts';
import type { HarEntry } from '../recording/har.ts';
import { compareRequests, requestEnvelope, requestKey, type RequestDifference } from '../recording/compare-requests.ts';
import { entryRequest, entryResponse } from '../recording/entry-to-exchange.ts';
import { sendHttp } from './http-client.ts';

/** A recording available to replay, with the contract it belongs to. */
export interface ReplayEntry {
  readonly contract: Contract;
  readonly entry: HarEntry;
  readonly file: string;
}

/** What replay keeps of a recording: the request it matches and the response it serves, not the whole HAR entry. */
interface Candidate {
  readonly contract: Contract;
  readonly file: string;
  readonly case: string;
  readonly request: HttpRequest;
  readonly response: RecordedResponse;
}

function candidateOf(e: ReplayEntry): Candidate {
  return { contract: e.contract, file: e.file, case: e.entry._case, request: entryRequest(e.entry), response: entryResponse(e.entry) };
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
  const byOrigin = new Map<string, Candidate[]>(contracts.map((c) => [c.transport.replayBaseUrl, []]));
  for (const e of entries) {
    const origin = e.contract.transport.replayBaseUrl;
    const list = byOrigin.get(origin);
    if (list === undefined) byOrigin.set(origin, [candidateOf(e)]);
    else list.push(candidateOf(e));
  }
  const served = [...byOrigin].map(([origin, candidates]) => ({ prefix: `${origin.toLowerCase()}/`, candidates, index: recordingIndex(candidates) }));
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
    if (found.match !== undefined) return toResponse(found.match.response);
    misses.set(keyOf(received), `replay has no recording for ${received.method} ${received.url.replace(/\?.*$/, '')}: ${found.explanation}`);
    return HttpResponse.error();
  });
  // msw's onUnhandledRequest: 'error' stays as the last guard should a request slip past the handler.
  // Replay sends through fetch only (sendHttp), so msw intercepts fetch only: `setupServer` also patches
  // http.request, XMLHttpRequest and WebSocket, and each interceptor it applies costs every request.
  const server = new SetupServerApi([handler], [new FetchInterceptor()]);
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
  readonly match?: Candidate;
  readonly explanation: string;
}

/** Recordings of one contract by request key, keyed in recording order as lookups need them. */
interface ContractIndex {
  readonly candidates: readonly Candidate[];
  readonly byKey: Map<string, Candidate>;
  /** Every candidate's envelope (see `requestEnvelope`): a request with another cannot match any of them. */
  readonly envelopes: ReadonlySet<string>;
  /** Candidates before this position are keyed. */
  keyed: number;
}

/**
 * Recordings by contract and request key (see `requestKey`). The first of equal recordings wins, as a scan
 * would pick it. One origin may serve several contracts (operations), each decoding bodies its own way.
 * Keys are computed lazily, in recording order, until the one looked up is found: a run that sends each
 * case's request in case order keys about one recording per request (and the runner has keyed that
 * recording's body already, as it read it), instead of decoding every recording up front.
 */
function recordingIndex(candidates: readonly Candidate[]): Map<Contract, ContractIndex> {
  const index = new Map<Contract, ContractIndex>();
  const of = new Map<Contract, Candidate[]>();
  for (const candidate of candidates) {
    const list = of.get(candidate.contract);
    if (list === undefined) of.set(candidate.contract, [candidate]);
    else list.push(candidate);
  }
  for (const [contract, list] of of) index.set(contract, { candidates: list, byKey: new Map(), envelopes: new Set(list.map((c) => requestEnvelope(c.request))), keyed: 0 });
  return index;
}

/** The first recording of `at` with this key, keying more recordings until it is found or none are left. */
function findKeyed(contract: Contract, at: ContractIndex, key: string): Candidate | undefined {
  let found = at.byKey.get(key);
  while (found === undefined && at.keyed < at.candidates.length) {
    const candidate = at.candidates[at.keyed++] as Candidate;
    const k = requestKey(contract, candidate.request);
    if (!at.byKey.has(k)) at.byKey.set(k, candidate);
    if (k === key) found = at.byKey.get(k);
  }
  return found;
}

/** One hash lookup per contract of the origin; only a miss scans for the nearest recording, to explain itself. */
function lookUp(index: ReadonlyMap<Contract, ContractIndex>, candidates: readonly Candidate[], received: HttpRequest): Found {
  // One origin may serve several contracts (CRM.COM's login and update): a request is decoded only
  // under the contracts whose recordings it could match.
  const envelope = requestEnvelope(received);
  for (const [contract, at] of index) {
    if (!at.envelopes.has(envelope)) continue;
    const match = findKeyed(contract, at, requestKey(contract, received));
    if (match !== undefined) return { match, explanation: '' };
  }
  return findRecording(candidates, received);
}

function findRecording(candidates: readonly Candidate[], received: HttpRequest): Found {
  let nearest: { entry: Candidate; diffs: RequestDifference[] } | undefined;
  for (const candidate of candidates) {
    const diffs = compareRequests(candidate.contract, candidate.request, received);
    if (diffs.length === 0) return { match: candidate, explanation: '' };
    if (nearest === undefined || diffs.length < nearest.diffs.length) nearest = { entry: candidate, diffs };
  }
  if (nearest === undefined) return { explanation: 'no recordings are loaded for this contract, and replay never reaches the network' };
  const shown = nearest.diffs.slice(0, 5).map((d) => `${d.where}: recorded ${show(d.recorded)}, received ${show(d.received)}`);
  const more = nearest.diffs.length > 5 ? `; and ${nearest.diffs.length - 5} more` : '';
  return { explanation: `nearest is ${nearest.entry.file} (case ${nearest.entry.case}), which differs in ${shown.join('; ')}${more}` };
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function toResponse(response: RecordedResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) if (!SKIPPED_HEADERS.has(name)) headers.set(name, value);
  const noBody = response.status === 204 || response.status === 304;
  // Served in the recorded charset, so the client decodes it exactly as it would the vendor's bytes.
  return new Response(noBody ? null : encodeBody(response.body, response.headers['content-type']), { status: response.status, headers });
}
