import { join } from 'node:path';
import type { CaseSpec, Contract } from '../types/contract.ts';
import type { Target } from '../types/target.ts';
import { protocolFor } from '../protocols/index.ts';
import { buildRequest } from '../protocols/build-request.ts';
import { classifyResponse, type ParsedResponse } from '../protocols/classify-response.ts';
import type { HttpRequest, HttpResponse } from '../model/http.ts';
import type { DecodedRequest, MessageBody } from '../protocols/protocol.ts';
import type { HarEntry } from '../recording/har.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import { recordingPath } from '../recording/recording-path.ts';
import type { RecordingCache } from '../recording/recording-cache.ts';
import { entryRequest, entryResponse } from '../recording/entry-to-exchange.ts';
import { rememberRequestBody } from '../recording/compare-requests.ts';
import type { CaseContext, LoadedRecording } from '../../suites/check.ts';

/** Where recordings live and how credentials are resolved. */
export interface PrepareOptions {
  readonly recordingsDir: string;
  readonly recordings: RecordingCache;
  readonly target: Target;
  readonly credentials: (contract: Contract) => Readonly<Record<string, string>>;
  /** Targeted vendor versions by vendor (`--vendor-version crmcom=R11.0.0`). */
  readonly vendorVersions?: Readonly<Record<string, string>>;
}

/** Do all the I/O a case's checks need: read its recording, decode it, build and send its request. */
export async function prepareCase(contract: Contract, c: CaseSpec, options: PrepareOptions): Promise<CaseContext> {
  const recording = await loadRecording(contract, c, join(options.recordingsDir, recordingPath(contract, c)), options.recordings);
  const built = buildRequest(contract, c.input, { baseUrl: options.target.baseUrl(contract.id), credentials: options.credentials(contract) });
  const protocol = protocolFor(contract.protocol);
  const builtMessage = protocol.readMessage(built.request.body);
  const builtDecoded = protocol.decodeRequest(contract, builtMessage);
  // Replay keys the request it receives, and contract.cases-distinct the built one: both this body.
  rememberRequestBody(contract, built.request.body, builtMessage, builtDecoded);
  // Read before sending: replay keys its recordings as it needs them, and finds this one already keyed.
  const read = recording.ok ? readRecordedRequest(contract, recording.entry) : undefined;
  const [sent, builtRules] = await Promise.all([options.target.send(built.request), evaluateRules(contract, 'request', { data: builtDecoded.body, header: builtDecoded.header })]);
  // One object, its optional fields added in place: on Node 20 `{ ...base, more }` gives every copy a hidden
  // class of its own (allocated in the old generation), three per case.
  const ctx: Writable<CaseContext> = { contract, case: c, recording, built, builtRules, sent };
  const vendorVersion = options.vendorVersions?.[contract.vendor];
  if (vendorVersion !== undefined) ctx.vendorVersion = vendorVersion;
  if (sent.ok) ctx.answered = classifyOnce(contract, sent.exchange.response);
  if (!recording.ok || read === undefined) return ctx;
  const { request, message, decoded } = read;
  const response = classifyOnce(contract, entryResponse(recording.entry));
  const [requestRules, responseRules] = await Promise.all([
    evaluateRules(contract, 'request', { data: decoded.body, header: decoded.header }),
    evaluateRules(contract, 'response', { data: response.data }, response.matched),
  ]);
  ctx.recorded = { request, message, decoded, response, requestRules, responseRules };
  return ctx;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The recorded request, read and decoded once (and keyed for replay, which matches on the same decoding). */
function readRecordedRequest(contract: Contract, entry: HarEntry): { request: HttpRequest; message: MessageBody; decoded: DecodedRequest } {
  const protocol = protocolFor(contract.protocol);
  const request = entryRequest(entry);
  const message = protocol.readMessage(request.body);
  const decoded = protocol.decodeRequest(contract, message);
  rememberRequestBody(contract, request.body, message, decoded);
  return { request, message, decoded };
}

// In replay the answered response is the recorded one: classify each distinct response once. Only
// the latest are kept (the answer and the recording of a case are classified one after the other).
const MAX_CLASSIFIED = 256;
const classified = new WeakMap<Contract, Map<string, ParsedResponse>>();

function classifyOnce(contract: Contract, response: HttpResponse): ParsedResponse {
  let byResponse = classified.get(contract);
  if (byResponse === undefined) {
    byResponse = new Map();
    classified.set(contract, byResponse);
  }
  const key = `${response.status}\n${response.headers['content-type'] ?? ''}\n${response.body}`;
  let parsed = byResponse.get(key);
  if (parsed === undefined) {
    parsed = classifyResponse(contract, response);
    if (byResponse.size >= MAX_CLASSIFIED) byResponse.delete(byResponse.keys().next().value as string);
    byResponse.set(key, parsed);
  }
  return parsed;
}

async function loadRecording(contract: Contract, c: CaseSpec, file: string, cache: RecordingCache): Promise<LoadedRecording> {
  const har = await cache.read(file);
  // This case is the file's last reader (the target read its recordings up front): let it go with the case.
  cache.release?.(file);
  if (!har.ok) return { ok: false, file, problem: har.problem };
  const entry = har.value.log.entries.find((e) => e._case === c.name);
  if (entry === undefined) {
    const labels = har.value.log.entries.map((e) => e._case).join(', ') || 'no entries';
    return { ok: false, file, problem: `${file}: no entry for case "${c.name}" of ${contract.id} (found: ${labels})` };
  }
  const hash = har.value.log._contractHash;
  return hash === undefined ? { ok: true, file, entry } : { ok: true, file, entry, contractHash: hash };
}
