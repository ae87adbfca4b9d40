import { hash } from 'node:crypto';
import diff from 'microdiff';
import type { Contract, FieldSpec } from '../types/contract.ts';
import type { HttpRequest } from '../model/http.ts';
import { protocolFor } from '../protocols/index.ts';
import type { DecodedRequest, MessageBody } from '../protocols/protocol.ts';
import { REDACTED } from './har.ts';

/** One way two requests differ. */
export interface RequestDifference {
  readonly where: string;
  readonly recorded: unknown;
  readonly received: unknown;
}

/**
 * Compare a received request with a recorded one the way replay matches them: method, path,
 * query, SOAPAction, media type, and the body compared as decoded data (namespace-aware, prefixes
 * and whitespace ignored). Credential positions are wildcards, since recordings hold the marker.
 */
export function compareRequests(contract: Contract, recorded: HttpRequest, received: HttpRequest): RequestDifference[] {
  const a = new URL(recorded.url);
  const b = new URL(received.url);
  const out: RequestDifference[] = [];
  same(out, 'method', recorded.method.toUpperCase(), received.method.toUpperCase());
  same(out, 'path', a.pathname, b.pathname);
  same(out, 'soapaction header', recorded.headers['soapaction'], received.headers['soapaction']);
  same(out, 'content-type', mediaType(recorded.headers['content-type']), mediaType(received.headers['content-type']));
  const secretQuery = secretQueryNames(contract);
  for (const d of diff(queryOf(a, secretQuery), queryOf(b, secretQuery))) out.push({ where: `query ${d.path.join('.')}`, recorded: 'oldValue' in d ? d.oldValue : undefined, received: 'value' in d ? d.value : undefined });
  for (const d of diff(decoded(contract, recorded), decoded(contract, received))) {
    out.push({ where: `body /${d.path.join('/')}`, recorded: 'oldValue' in d ? d.oldValue : undefined, received: 'value' in d ? d.value : undefined });
  }
  return out;
}

/**
 * A key of a request such that two requests have the same key exactly when `compareRequests` finds no
 * difference between them: the compared parts (method, path, SOAPAction, media type, query with credentials
 * masked, decoded body with credential positions masked), serialized with sorted keys and hashed.
 * Replay indexes recordings by it, and `contract.cases-distinct` groups cases by it, instead of comparing pairs.
 */
export function requestKey(contract: Contract, request: HttpRequest): string {
  const url = new URL(request.url);
  const parts = [
    request.method.toUpperCase(),
    url.pathname,
    request.headers['soapaction'] ?? null,
    mediaType(request.headers['content-type']) ?? null,
    queryOf(url, secretQueryNames(contract)),
    bodyKey(contract, request),
  ];
  return hash('sha256', stableStringify(parts), 'base64url');
}

// The body's part of the key, by body text: replay keys every recording, then the request it receives
// (in replay usually the same text as its recording), then contract.cases-distinct keys the same built
// request again. A short hash per distinct body is kept, by a hash of its text: neither its decoded data
// nor the text itself. Bounded, oldest out first.
const MAX_BODY_KEYS = 20_000;
const bodyKeys = new WeakMap<Contract, Map<string, string>>();

function bodyKeysOf(contract: Contract): Map<string, string> {
  let byBody = bodyKeys.get(contract);
  if (byBody === undefined) {
    byBody = new Map();
    bodyKeys.set(contract, byBody);
  }
  return byBody;
}

/** What the remembered keys are looked up by: a hash of the body text, so the bodies themselves are not kept. */
function bodyId(body: string): string {
  return hash('sha256', body, 'base64url');
}

function bodyKey(contract: Contract, request: HttpRequest): string {
  const byBody = bodyKeysOf(contract);
  const id = bodyId(request.body);
  return byBody.get(id) ?? keepBodyKey(byBody, id, decoded(contract, request));
}

function keepBodyKey(byBody: Map<string, string>, id: string, data: Record<string, unknown>): string {
  // One-shot hash: a Hash object per body cost more than hashing the body.
  const key = hash('sha256', stableStringify(data), 'base64url');
  if (byBody.size >= MAX_BODY_KEYS) byBody.delete(byBody.keys().next().value as string);
  byBody.set(id, key);
  return key;
}

/**
 * Key a request body its caller has already read and decoded (with this contract's protocol), so that
 * `requestKey` on a request with that body does not parse it again: the runner decodes the request it
 * builds before sending it, and replay then keys the same body as it receives it.
 */
export function rememberRequestBody(contract: Contract, body: string, message: MessageBody, decodedRequest: DecodedRequest): void {
  const byBody = bodyKeysOf(contract);
  const id = bodyId(body);
  if (!byBody.has(id)) keepBodyKey(byBody, id, message.kind === 'unreadable' ? { unreadable: message.problem.message } : masked(contract, decodedRequest));
}

/**
 * The parts of a request's key that need no decoding (method, path, SOAPAction, media type): two requests
 * with the same `requestKey` have the same envelope, so a different envelope rules a match out cheaply.
 */
export function requestEnvelope(request: HttpRequest): string {
  return JSON.stringify([request.method.toUpperCase(), new URL(request.url).pathname, request.headers['soapaction'] ?? null, mediaType(request.headers['content-type']) ?? null]);
}

function secretQueryNames(contract: Contract): Set<string> {
  return new Set((contract.transport.query ?? []).filter((q) => q.credential !== undefined).map((q) => q.name));
}

/** JSON with object keys sorted, so equal data (as microdiff sees it) serializes equally. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function same(out: RequestDifference[], where: string, recorded: unknown, received: unknown): void {
  if (recorded !== received) out.push({ where, recorded, received });
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

function queryOf(url: URL, secret: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = secret.has(k) ? REDACTED : v;
  return out;
}

// Decoding is the costly part of a comparison, and a miss compares the received body with every
// recording. Only the most recently decoded bodies are kept, so a long run does not hold every body
// it ever decoded.
const MAX_DECODED = 256;
const decodedCache = new WeakMap<Contract, Map<string, Record<string, unknown>>>();

function decoded(contract: Contract, request: HttpRequest): Record<string, unknown> {
  let byBody = decodedCache.get(contract);
  if (byBody === undefined) {
    byBody = new Map();
    decodedCache.set(contract, byBody);
  }
  let data = byBody.get(request.body);
  if (data === undefined) {
    data = decodeMasked(contract, request);
    if (byBody.size >= MAX_DECODED) byBody.delete(byBody.keys().next().value as string);
    byBody.set(request.body, data);
  }
  return data;
}

function decodeMasked(contract: Contract, request: HttpRequest): Record<string, unknown> {
  const protocol = protocolFor(contract.protocol);
  const message = protocol.readMessage(request.body);
  if (message.kind === 'unreadable') return { unreadable: message.problem.message };
  return masked(contract, protocol.decodeRequest(contract, message));
}

/** Decoded data with credential positions masked, and decoding's structural findings. */
function masked(contract: Contract, d: DecodedRequest): Record<string, unknown> {
  const data: Record<string, unknown> = { body: structuredClone(d.body) };
  // Decoding keys elements by local name; keep its structural findings (wrong namespace, unknown
  // element) so two bodies that differ only in namespace URIs do not match.
  const structure = d.violations.map((v) => `${v.rule} ${v.path}`).sort();
  if (structure.length > 0) data['structure'] = structure;
  if (d.header !== undefined) data['header'] = structuredClone(d.header);
  for (const path of maskedPaths(contract)) mask(data, path);
  return data;
}

// Derived once per contract: walking every field tree for each body was a sixth of a run's allocations.
const maskedPathsCache = new WeakMap<Contract, readonly string[][]>();

function maskedPaths(contract: Contract): readonly string[][] {
  let paths = maskedPathsCache.get(contract);
  if (paths === undefined) {
    paths = [...credentialPaths(contract.request.fields, ['body']), ...credentialPaths(contract.request.header ?? [], ['header'])];
    maskedPathsCache.set(contract, paths);
  }
  return paths;
}

/** Paths (segments) of every field that carries a credential. */
export function credentialPaths(fields: readonly FieldSpec[], prefix: readonly string[]): string[][] {
  return fields.flatMap((f) => {
    const here = [...prefix, f.name];
    if (f.credential !== undefined) return [here];
    return credentialPaths(f.fields ?? [], here);
  });
}

function mask(data: unknown, path: readonly string[]): void {
  if (typeof data !== 'object' || data === null) return;
  if (Array.isArray(data)) {
    for (const item of data) mask(item, path);
    return;
  }
  const record = data as Record<string, unknown>;
  const [head, ...rest] = path;
  if (head === undefined || !(head in record)) return;
  if (rest.length === 0) record[head] = REDACTED;
  else mask(record[head], rest);
}
