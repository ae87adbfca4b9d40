import { REDACTED } from '../recording/har.ts';
import { redactExchange, SECRET_HEADERS } from '../recording/redact-exchange.ts';
import { redactValue } from '../recording/redact-reporter.ts';
import { redactText } from '../recording/redact-text.ts';
import type { Capture } from './read-capture.ts';
import { plannedSecrets, type PlannedEntry } from './plan-entries.ts';

/** A redacted capture: the HAR text to write, the secrets it must not hold, and where they were. */
export interface RedactedCapture {
  readonly text: string;
  /** Every credential value found; the leak guard checks the text against them before writing. */
  readonly secrets: readonly string[];
  /** Per redacted entry (1-based index), the places replaced (`body:/login/password`, `request-header:cookie`). */
  readonly redactions: ReadonlyArray<{ readonly index: number; readonly places: readonly string[] }>;
}

type Json = Record<string, unknown>;

/**
 * A copy of the capture with every secret credential (password, token, key) of every matched
 * contract replaced by the redaction marker, using the recording redaction model: structured places and every encoding of
 * every value, in every entry (the same value echoed to another host is replaced too). Credential
 * headers (Authorization, Cookie, …) and cookies are blanked in every entry. A base64 body that
 * held a credential is written back as decoded text. Each entry's `_redactions` lists the places.
 * Every other field of the file is kept as it was.
 */
export function redactCapture(capture: Capture, planned: readonly PlannedEntry[]): RedactedCapture {
  const secrets = plannedSecrets(planned, 'secret');
  const doc = structuredClone(capture.document) as Json;
  const entries = ((doc['log'] as Json)['entries'] as unknown[]).map((e) => e as Json);
  const redactions: { index: number; places: string[] }[] = [];
  for (const p of planned) {
    const raw = entries[p.entry.index - 1];
    if (raw === undefined) continue;
    const places = new Set<string>(blankCredentialHeaders(raw));
    if (p.match !== undefined) {
      const redacted = redactExchange(p.match.contract, p.entry.exchange, secrets);
      for (const place of redacted.redactions) places.add(place);
      writeBack(raw, redacted.exchange.request.url, redacted.exchange.request.body, redacted.exchange.response.body, p.match.contract.transport.query?.filter((q) => q.credential !== undefined).map((q) => q.name) ?? []);
    } else {
      decodeIfSecret(raw, secrets);
    }
    if (places.size > 0) {
      raw['_redactions'] = [...new Set([...(Array.isArray(raw['_redactions']) ? (raw['_redactions'] as string[]) : []), ...places])].sort();
      redactions.push({ index: p.entry.index, places: [...places].sort() });
    }
  }
  // Whatever a structured place did not cover (a value echoed in a message, a page title): every form, everywhere.
  const clean = redactValue(doc, secrets);
  return { text: `${JSON.stringify(clean, null, 2)}\n`, secrets, redactions };
}

/** Request and response bodies and the URL as redacted; query pairs of credential parameters blanked. */
function writeBack(raw: Json, url: string, requestBody: string, responseBody: string, secretQuery: readonly string[]): void {
  const request = raw['request'] as Json;
  request['url'] = url;
  if (Array.isArray(request['queryString'])) for (const q of request['queryString'] as Json[]) if (secretQuery.includes(String(q['name']))) q['value'] = REDACTED;
  const postData = request['postData'] as Json | undefined;
  if (postData !== undefined && typeof postData['text'] === 'string') setText(postData, requestBody);
  const content = (raw['response'] as Json | undefined)?.['content'] as Json | undefined;
  if (content !== undefined && typeof content['text'] === 'string') setText(content, responseBody);
  // A body Playwright attached as a file is written into the copy, redacted, so the copy stands alone.
  if (content !== undefined && typeof content['_file'] === 'string' && responseBody !== '') {
    delete content['_file'];
    setText(content, responseBody);
  }
}

/** Plain text replaces the body; a base64 encoding no longer applies to it. */
function setText(body: Json, text: string): void {
  const wasEncoded = body['encoding'] !== undefined || body['_encoding'] !== undefined;
  delete body['encoding'];
  delete body['_encoding'];
  if (wasEncoded) body['_decodedBy'] = 'conformance redact';
  body['text'] = text;
}

/** An unmatched entry's base64 bodies that hold a secret are decoded so the secret can be replaced. */
function decodeIfSecret(raw: Json, secrets: readonly string[]): void {
  for (const body of [(raw['request'] as Json | undefined)?.['postData'], (raw['response'] as Json | undefined)?.['content']] as (Json | undefined)[]) {
    if (body === undefined || typeof body['text'] !== 'string') continue;
    const encoding = body['encoding'] ?? body['_encoding'];
    if (typeof encoding !== 'string' || encoding.toLowerCase() !== 'base64') continue;
    const decoded = Buffer.from(body['text'], 'base64').toString('utf8');
    if (redactText(decoded, secrets).replaced) setText(body, decoded);
  }
}

/** Authorization, Cookie, Set-Cookie, API-key headers and cookie values become the marker, in request and response. */
function blankCredentialHeaders(raw: Json): string[] {
  const places: string[] = [];
  for (const side of ['request', 'response'] as const) {
    const message = raw[side] as Json | undefined;
    if (message === undefined) continue;
    for (const h of (Array.isArray(message['headers']) ? message['headers'] : []) as Json[]) {
      const name = String(h['name']).toLowerCase();
      if (SECRET_HEADERS.has(name) && h['value'] !== REDACTED) {
        h['value'] = REDACTED;
        places.push(`${side}-header:${name}`);
      }
    }
    for (const c of (Array.isArray(message['cookies']) ? message['cookies'] : []) as Json[]) {
      if (typeof c === 'object' && c !== null && c['value'] !== REDACTED) {
        c['value'] = REDACTED;
        places.push(`${side}-cookie:${String(c['name'])}`);
      }
    }
  }
  return places;
}
