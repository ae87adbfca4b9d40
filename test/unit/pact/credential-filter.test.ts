import { describe, expect, it } from 'vitest';
import { credentialFilter, type FilterableRequest } from '../../../src/pact/credential-filter.ts';

const filter = credentialFilter([{ placeholder: '{{PASSWORD}}', value: 'p&w<"x\'' }, { placeholder: '{{API_KEY}}', value: 'k y&=1' }]);

function run(req: FilterableRequest): FilterableRequest {
  let called = false;
  filter(req, undefined, () => (called = true));
  expect(called).toBe(true);
  return req;
}

describe('credentialFilter', () => {
  it('puts the value XML-escaped into an XML body and fixes Content-Length', () => {
    const req = run({ url: '/svc', headers: { 'content-type': 'text/xml', 'content-length': '1' }, body: Buffer.from('<P>{{PASSWORD}}</P>') });
    expect((req.body as Buffer).toString()).toBe('<P>p&amp;w&lt;&quot;x&apos;</P>');
    expect(req.headers['content-length']).toBe(String((req.body as Buffer).length));
  });

  it('puts the value as a JSON string into a JSON body, raw or already parsed', () => {
    const raw = run({ url: '/x', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"token":"{{PASSWORD}}"}') });
    expect(JSON.parse((raw.body as Buffer).toString())).toEqual({ token: 'p&w<"x\'' });
    const parsed = run({ url: '/x', headers: { 'content-type': 'application/json' }, body: { a: [{ token: '{{PASSWORD}}' }] } });
    expect(parsed.body).toEqual({ a: [{ token: 'p&w<"x\'' }] });
  });

  it('replaces a query parameter that holds the placeholder, URL-encoded', () => {
    const req = run({ url: '/invoices/1.xml?api_key=%7B%7BAPI_KEY%7D%7D&x=1', headers: {} });
    expect(new URL(req.url, 'http://h').searchParams.get('api_key')).toBe('k y&=1');
    expect(new URL(req.url, 'http://h').searchParams.get('x')).toBe('1');
  });

  it('leaves a request without placeholders as it is', () => {
    const req = run({ url: '/a?b=c', headers: { 'content-type': 'text/xml' }, body: Buffer.from('<a/>') });
    expect(req.url).toBe('/a?b=c');
    expect((req.body as Buffer).toString()).toBe('<a/>');
  });
});
