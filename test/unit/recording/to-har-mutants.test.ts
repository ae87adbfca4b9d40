import { describe, expect, it } from 'vitest';
import { serializeHar, toHarEntry, type EntryMeta } from '../../../src/recording/to-har.ts';
import { recordedHar } from '../../../src/recording/recorded-har.ts';
import { entryExchange, entryRequest, entryResponse } from '../../../src/recording/entry-to-exchange.ts';
import { validateHar } from '../../../src/recording/read-har.ts';
import { REDACTED, type HarEntry } from '../../../src/recording/har.ts';
import type { Exchange } from '../../../src/model/http.ts';

// Expectations below come from the HAR 1.2 spec (http://www.softwareishard.com/blog/har-12-spec/) and
// RFC 9110 section 15 (reason phrases), not from the code under test.

const META: EntryMeta = {
  contract: 'centra/invoices_Update',
  case: 'update-ok',
  source: { kind: 'doc', doc: 'vendor-docs/centra.md', example: 'Example 1' },
  redactions: ['body:/login/password'],
  startedDateTime: '2026-12-01T10:00:00.000Z',
};

function exchange(over: { request?: Partial<Exchange['request']>; response?: Partial<Exchange['response']>; durationMs?: number } = {}): Exchange {
  return {
    request: { method: 'POST', url: 'https://vendor.example/api/x?b=2&a=%C3%A9+1', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:x"' }, body: '<a>é</a>', ...over.request },
    response: { status: 200, headers: { 'content-type': 'text/xml', date: 'Tue, 01 Dec 2026 10:00:00 GMT' }, body: '<ok>ü€</ok>', ...over.response },
    durationMs: over.durationMs ?? 37,
  };
}

describe('toHarEntry (HAR 1.2 fields)', () => {
  it('writes an entry that the HAR 1.2 schema accepts, with the suite fields underscore-prefixed', () => {
    const entry = toHarEntry(exchange(), META);
    const har = JSON.parse(serializeHar([entry], { name: 'conformance', version: '1.0.0' })) as unknown;
    expect(validateHar(har, 'x.har')).toMatchObject({ ok: true });
    expect(entry).toMatchObject({ _case: 'update-ok', _contract: 'centra/invoices_Update', _source: META.source, _redactions: ['body:/login/password'], startedDateTime: META.startedDateTime });
    expect(entry._redactions).not.toBe(META.redactions);
  });

  it('gives the request its method, URL, HTTP/1.1, no cookies and unknown header size', () => {
    const { request } = toHarEntry(exchange(), META);
    expect(request).toMatchObject({ method: 'POST', url: 'https://vendor.example/api/x?b=2&a=%C3%A9+1', httpVersion: 'HTTP/1.1', cookies: [], headersSize: -1 });
  });

  it('lists headers as name/value pairs sorted by name', () => {
    const entry = toHarEntry(exchange({ request: { headers: { soapaction: '"urn:x"', accept: 'text/xml', 'content-type': 'text/xml' } } }), META);
    expect(entry.request.headers).toEqual([
      { name: 'accept', value: 'text/xml' },
      { name: 'content-type', value: 'text/xml' },
      { name: 'soapaction', value: '"urn:x"' },
    ]);
    expect(entry.response.headers.map((h) => h.name)).toEqual(['content-type', 'date']);
  });

  it('lists the query string decoded, in URL order', () => {
    expect(toHarEntry(exchange(), META).request.queryString).toEqual([
      { name: 'b', value: '2' },
      { name: 'a', value: 'é 1' },
    ]);
    expect(toHarEntry(exchange({ request: { url: 'https://vendor.example/api/x' } }), META).request.queryString).toEqual([]);
  });

  it('counts body sizes in bytes of UTF-8, not characters', () => {
    const entry = toHarEntry(exchange(), META);
    expect(entry.request.bodySize).toBe(9); // <a>é</a>: é is 2 bytes
    expect(entry.response.bodySize).toBe(14); // ü is 2 bytes, € is 3
    expect(entry.response.content.size).toBe(14);
  });

  it('records postData with the request content type, and none for an empty body', () => {
    expect(toHarEntry(exchange(), META).request.postData).toEqual({ mimeType: 'text/xml; charset=utf-8', text: '<a>é</a>' });
    const get = toHarEntry(exchange({ request: { method: 'GET', body: '' } }), META);
    expect('postData' in get.request).toBe(false);
    expect(get.request.bodySize).toBe(0);
  });

  it('falls back to application/octet-stream when a side has no content type', () => {
    const entry = toHarEntry(exchange({ request: { headers: {} }, response: { headers: {} } }), META);
    expect(entry.request.postData?.mimeType).toBe('application/octet-stream');
    expect(entry.response.content.mimeType).toBe('application/octet-stream');
  });

  it('records the response status, content text and mime type, with no redirect and unknown header size', () => {
    const { response } = toHarEntry(exchange(), META);
    expect(response).toMatchObject({ status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [], redirectURL: '', headersSize: -1 });
    expect(response.content).toEqual({ size: 14, mimeType: 'text/xml', text: '<ok>ü€</ok>' });
  });

  it.each([
    [200, 'OK'],
    [201, 'Created'],
    [204, 'No Content'],
    [400, 'Bad Request'],
    [401, 'Unauthorized'],
    [404, 'Not Found'],
    [406, 'Not Acceptable'],
    [422, 'Unprocessable Entity'],
    [429, 'Too Many Requests'],
    [500, 'Internal Server Error'],
    [502, 'Bad Gateway'],
    [503, 'Service Unavailable'],
    [418, ''],
  ])('gives status %i the RFC 9110 reason phrase "%s"', (status, text) => {
    expect(toHarEntry(exchange({ response: { status } }), META).response.statusText).toBe(text);
  });

  it('puts the whole duration in wait, so time equals the sum of the timings', () => {
    const entry = toHarEntry(exchange({ durationMs: 42 }), META);
    expect(entry.time).toBe(42);
    expect(entry.timings).toEqual({ send: 0, wait: 42, receive: 0 });
    expect(entry.cache).toEqual({});
  });
});

describe('serializeHar', () => {
  const entry = toHarEntry(exchange(), META);

  it('writes log version 1.2, the creator and the entries, indented by two spaces with a final newline', () => {
    const text = serializeHar([entry], { name: 'conformance', version: '9.9.9' });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "log": {\n    "version": "1.2",\n    "creator": {\n      "name": "conformance",\n      "version": "9.9.9"\n    },\n    "entries": [')).toBe(true);
    expect(JSON.parse(text)).toEqual({ log: { version: '1.2', creator: { name: 'conformance', version: '9.9.9' }, entries: [JSON.parse(JSON.stringify(entry))] } });
  });

  it('adds _contractHash only when one is given', () => {
    expect(JSON.parse(serializeHar([], { name: 'c', version: '1' }, 'abc123')).log._contractHash).toBe('abc123');
    expect('_contractHash' in JSON.parse(serializeHar([], { name: 'c', version: '1' })).log).toBe(false);
  });

  it('serializes an unchanged exchange to identical text (a zero diff on re-recording)', () => {
    const reordered = exchange({ request: { headers: { soapaction: '"urn:x"', 'content-type': 'text/xml; charset=utf-8' } } });
    expect(serializeHar([toHarEntry(reordered, META)], { name: 'c', version: '1' })).toBe(serializeHar([entry], { name: 'c', version: '1' }));
  });
});

describe('recordedHar', () => {
  const meta = { contract: 'crmcom/invoices_update', contractHash: 'sha256-of-contract', case: 'token-expired', target: 'live', recordedAt: '2026-12-01T11:00:00.000Z', creator: { name: 'conformance', version: '2.0.0' } };

  it('writes a valid HAR 1.2 log with provenance on the log and a recorded _source on the entry', () => {
    const text = recordedHar({ exchange: exchange(), redactions: ['query:api_key'] }, meta);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.startsWith('{\n  "log": {\n    "version": "1.2"')).toBe(true);
    const har = JSON.parse(text) as { log: Record<string, unknown> & { entries: HarEntry[] } };
    expect(validateHar(har, 'r.har')).toMatchObject({ ok: true });
    expect(har.log).toMatchObject({ version: '1.2', creator: meta.creator, _contractHash: 'sha256-of-contract', _target: 'live', _recordedAt: meta.recordedAt });
    expect(har.log.entries).toHaveLength(1);
    const [entry] = har.log.entries;
    expect(entry).toMatchObject({
      _case: 'token-expired',
      _contract: 'crmcom/invoices_update',
      _redactions: ['query:api_key'],
      startedDateTime: meta.recordedAt,
      _source: { kind: 'recorded', doc: 'conformance record --target live', example: 'case token-expired', note: 'Captured by conformance record; secrets redacted before writing.' },
    });
  });
});

describe('entry to exchange', () => {
  const entry = toHarEntry(exchange({ request: { headers: { 'Content-Type': 'text/xml', SOAPAction: '"urn:y"' } }, response: { headers: { 'X-Trace': 't1' } } }), META);

  it('reads the request back with lower-case header names and the postData text', () => {
    expect(entryRequest(entry)).toEqual({ method: 'POST', url: 'https://vendor.example/api/x?b=2&a=%C3%A9+1', headers: { 'content-type': 'text/xml', soapaction: '"urn:y"' }, body: '<a>é</a>' });
  });

  it('reads an entry without postData or content text as empty bodies', () => {
    const bare = { ...entry, request: { ...entry.request, postData: undefined }, response: { ...entry.response, content: { size: 0, mimeType: 'text/xml' } } } as unknown as HarEntry;
    expect(entryRequest(bare).body).toBe('');
    expect(entryResponse(bare).body).toBe('');
  });

  it('reads the whole exchange back, duration from the entry time', () => {
    expect(entryExchange(entry)).toEqual({
      request: entryRequest(entry),
      response: { status: 200, headers: { 'x-trace': 't1' }, body: '<ok>ü€</ok>' },
      durationMs: 37,
    });
  });

  it('keeps the last value of a header repeated in different case', () => {
    const twice = { ...entry, response: { ...entry.response, headers: [{ name: 'Set-Cookie', value: 'a=1' }, { name: 'set-cookie', value: 'b=2' }] } } as HarEntry;
    expect(entryResponse(twice).headers).toEqual({ 'set-cookie': 'b=2' });
  });
});

describe('REDACTED', () => {
  it('is the marker replay treats as a wildcard and recordings carry', () => {
    expect(REDACTED).toBe('[redacted]');
  });
});
