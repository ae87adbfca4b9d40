import type { Exchange } from '../model/http.ts';
import type { Har, HarEntry, HarNameValue, HarSource } from './har.ts';

/** What a recording says about itself besides the exchange. */
export interface EntryMeta {
  readonly contract: string;
  readonly case: string;
  readonly source: HarSource;
  readonly redactions: readonly string[];
  readonly startedDateTime: string;
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 406: 'Not Acceptable', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function pairs(headers: Readonly<Record<string, string>>): HarNameValue[] {
  return Object.entries(headers).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => ({ name, value }));
}

function mime(headers: Readonly<Record<string, string>>): string {
  return headers['content-type'] ?? 'application/octet-stream';
}

/** One HAR 1.2 entry, keys in a fixed order so re-recording an unchanged exchange gives a zero diff. */
export function toHarEntry(exchange: Exchange, meta: EntryMeta): HarEntry {
  const { request, response } = exchange;
  const url = new URL(request.url);
  return {
    _case: meta.case,
    _contract: meta.contract,
    _source: meta.source,
    _redactions: [...meta.redactions],
    startedDateTime: meta.startedDateTime,
    time: exchange.durationMs,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(request.body === '' ? {} : { postData: { mimeType: mime(request.headers), text: request.body } }),
      headersSize: -1,
      bodySize: Buffer.byteLength(request.body),
    },
    response: {
      status: response.status,
      statusText: STATUS_TEXT[response.status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(response.headers),
      content: { size: Buffer.byteLength(response.body), mimeType: mime(response.headers), text: response.body },
      redirectURL: '',
      headersSize: -1,
      bodySize: Buffer.byteLength(response.body),
    },
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
  };
}

/** A HAR document around entries, serialized with stable indentation and a final newline. */
export function serializeHar(entries: readonly HarEntry[], creator: { name: string; version: string }, contractHash?: string): string {
  const har: Har = { log: { version: '1.2', creator, ...(contractHash === undefined ? {} : { _contractHash: contractHash }), entries } };
  return `${JSON.stringify(har, null, 2)}\n`;
}
