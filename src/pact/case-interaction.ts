import type { HttpRequest, HttpResponse } from '../model/http.ts';
import { protocolFor } from '../protocols/index.ts';
import type { MessageBody } from '../protocols/protocol.ts';
import { classifyResponse } from '../protocols/classify-response.ts';
import type { CaseSpec, Contract, FieldSpec, ResponseSpec } from '../types/contract.ts';
import { jsonBody, jsonResponseBody } from './json-body.ts';
import type { PactMatcher } from './pact-matcher.ts';
import { providerStates, type ProviderState, type StateSeed } from './provider-states.ts';
import { xmlBody, type XmlShape } from './xml-body.ts';

/** A request or response body as the FFI takes it. */
export type PactBody =
  | { readonly kind: 'xml'; readonly builder: string; readonly qualified: ReadonlyMap<string, string> }
  | { readonly kind: 'json'; readonly template: unknown }
  | { readonly kind: 'none' };

/** Everything one Pact interaction is made of, derived from one case. */
export interface CaseInteraction {
  readonly case: string;
  readonly description: string;
  readonly comment: string | undefined;
  readonly states: readonly ProviderState[];
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly query: Readonly<Record<string, string | PactMatcher>>;
    readonly headers: Readonly<Record<string, string | PactMatcher>>;
    readonly body: PactBody;
  };
  readonly response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string | PactMatcher>>;
    readonly body: PactBody;
  };
  /** The case's own request (placeholders at credential positions): what export sends to the mock server. */
  readonly sent: HttpRequest;
}

const isCredential = (field: FieldSpec | undefined): boolean => field?.credential !== undefined;

/**
 * The interaction for one case: its built request (credentials as placeholders) with matchers from
 * the request fields, and its recorded response with matchers from the documented response it is.
 */
export function caseInteraction(contract: Contract, c: CaseSpec, sent: HttpRequest, recorded: HttpResponse, seed: StateSeed): CaseInteraction {
  const classified = classifyResponse(contract, recorded);
  const spec = contract.responses.find((r) => r.name === classified.matched);
  const url = new URL(sent.url);
  return {
    case: c.name,
    description: c.name,
    comment: c.description,
    states: providerStates(contract, c, seed, spec?.name ?? null),
    request: {
      method: sent.method,
      path: url.pathname,
      query: queryMatchers(contract, url),
      headers: requestHeaders(contract, sent),
      body: requestBody(contract, sent),
    },
    response: { status: recorded.status, ...responsePart(contract, spec, recorded) },
    sent,
  };
}

function queryMatchers(contract: Contract, url: URL): Record<string, string | PactMatcher> {
  const out: Record<string, string | PactMatcher> = {};
  for (const [name, value] of url.searchParams) {
    const param = (contract.transport.query ?? []).find((p) => p.name === name);
    out[name] = param?.credential !== undefined ? { 'pact:matcher:type': 'type', value } : value;
  }
  return out;
}

function requestHeaders(contract: Contract, sent: HttpRequest): Record<string, string | PactMatcher> {
  const headers: Record<string, string | PactMatcher> = { 'Content-Type': mediaTypeMatcher(contract.transport.contentType) };
  // SOAPAction and the contract's own headers are fixed by the contract: exact values.
  if (sent.headers['soapaction'] !== undefined) headers['SOAPAction'] = sent.headers['soapaction'];
  for (const name of Object.keys(contract.transport.headers ?? {})) {
    const value = sent.headers[name.toLowerCase()];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** The documented media type, any parameters (charset) allowed: `text/xml; charset=utf-8` or `text/xml`. */
function mediaTypeMatcher(contentType: string): PactMatcher {
  const media = (contentType.split(';')[0] ?? '').trim();
  return { 'pact:matcher:type': 'regex', regex: `(?i)^${media.replace(/[.+*?^$()[\]{}|\\/]/g, '\\$&')}\\s*(;.*)?$`, value: contentType };
}

function requestBody(contract: Contract, sent: HttpRequest): PactBody {
  const message = protocolFor(contract.protocol).readMessage(sent.body);
  const header = contract.request.header;
  const root: FieldSpec =
    contract.protocol === 'soap11'
      ? object('Envelope', [...(header === undefined ? [] : [object('Header', header)]), object('Body', [object(contract.request.element ?? '', contract.request.fields)])])
      : object(contract.request.element ?? '', contract.request.fields);
  // Requests keep every repeated item as built: the verifier replays the example request, so it must
  // be the case's own request, not copies of its first item.
  return bodyOf(message, { root: withoutRepeats(root), payloadDepth: contract.protocol === 'soap11' ? 2 : 0, when: [], isCredential }, contract.request.fields.map(withoutRepeats));
}

function responsePart(contract: Contract, spec: ResponseSpec | undefined, recorded: HttpResponse): { headers: Record<string, string | PactMatcher>; body: PactBody } {
  const headers: Record<string, string | PactMatcher> = {};
  const retryAfter = recorded.headers['retry-after'];
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter)) headers['Retry-After'] = { 'pact:matcher:type': 'regex', regex: '^\\d+$', value: retryAfter };
  // A documented response that says nothing of its body (`body: any`) or has none is matched on status.
  if (spec?.match.body === 'any' || spec?.match.body === 'empty') return { headers, body: { kind: 'none' } };
  const message = protocolFor(contract.protocol).readMessage(recorded.body);
  const fields = spec?.fields ?? [];
  const payload = object(spec?.match.element ?? (spec?.match.fault === true ? 'Fault' : ''), fields);
  const root = contract.protocol === 'soap11' ? object('Envelope', [object('Body', [payload])]) : payload;
  const body = bodyOf(message, { root, payloadDepth: contract.protocol === 'soap11' ? 2 : 0, when: spec?.match.when ?? [], isCredential, dropUndocumented: true }, fields, jsonResponseBody);
  const contentType = recorded.headers['content-type'];
  if (body.kind !== 'none' && contentType !== undefined) headers['Content-Type'] = mediaTypeMatcher(contentType);
  return { headers, body };
}

function bodyOf(message: MessageBody, shape: XmlShape, jsonFields: readonly FieldSpec[], toJson: typeof jsonBody = jsonBody): PactBody {
  if (message.kind === 'xml') return { kind: 'xml', ...xmlBody(message.root, shape) };
  if (message.kind === 'json') return { kind: 'json', template: toJson(message.value, { fields: jsonFields, when: shape.when, isCredential }) };
  return { kind: 'none' };
}

function object(name: string, fields: readonly FieldSpec[]): FieldSpec {
  return { name, type: 'object', fields };
}

function withoutRepeats(field: FieldSpec): FieldSpec {
  const { repeated: _repeated, ...rest } = field;
  return field.fields === undefined ? rest : { ...rest, fields: field.fields.map(withoutRepeats) };
}
