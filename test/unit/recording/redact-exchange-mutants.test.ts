import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { redactExchange, SECRET_HEADERS } from '../../../src/recording/redact-exchange.ts';
import type { Exchange, HttpRequest } from '../../../src/model/http.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

const SECRET = 'Sec<ret>&"pw"+/1';
const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let centra: Contract;
let ixp: Contract;
beforeAll(async () => {
  centra = (await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'))).contract;
  ixp = (await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'))).contract;
});

const centraRequest = (password: string, id = '1'): HttpRequest => buildRequest(centra, { invoice: { id } }, { baseUrl: 'http://127.0.0.1:1', credentials: { username: 'demo', password } }).request;
const ixpRequest = (apiKey: string, id = '1'): HttpRequest =>
  buildRequest(ixp, { invoice: { id }, customer: { name: 'A' }, items: [{ name: 'x', unitPrice: '1', quantity: '1', unit: 'unit' }] }, { baseUrl: 'http://127.0.0.1:1', credentials: { apiKey } }).request;
const exchange = (request: HttpRequest, response: Partial<Exchange['response']> = {}): Exchange => ({ request, response: { status: 200, headers: {}, body: '', ...response }, durationMs: 1 });

describe('redactExchange', () => {
  it('blanks every credential header on both sides, whatever it holds, and lists each', () => {
    expect([...SECRET_HEADERS].sort()).toEqual(['api-key', 'authorization', 'cookie', 'proxy-authorization', 'set-cookie', 'x-api-key', 'x-auth-token']);
    const headers = Object.fromEntries([...SECRET_HEADERS].map((h) => [h, 'not-a-known-secret']));
    const request = { ...centraRequest(SECRET), headers: { ...centraRequest(SECRET).headers, ...headers } };
    const { exchange: out, redactions } = redactExchange(centra, exchange(request, { headers }), [SECRET]);
    for (const h of SECRET_HEADERS) {
      expect(out.request.headers[h]).toBe('[redacted]');
      expect(out.response.headers[h]).toBe('[redacted]');
    }
    expect(redactions).toEqual(['body:/login/password', ...[...SECRET_HEADERS].flatMap((h) => [`request-header:${h}`, `response-header:${h}`])].sort());
  });

  it('redacts a secret echoed in any other header, naming that header, and leaves clean headers as they are', () => {
    const { exchange: out, redactions } = redactExchange(centra, exchange(centraRequest(SECRET), { headers: { 'x-echo': `pw=${encodeURIComponent(SECRET)}`, 'content-type': 'text/xml' } }), [SECRET]);
    expect(out.response.headers).toEqual({ 'x-echo': 'pw=%5Bredacted%5D', 'content-type': 'text/xml' });
    expect(out.request.headers['soapaction']).toBe(centraRequest(SECRET).headers['soapaction']);
    expect(redactions).toEqual(['body:/login/password', 'response-header:x-echo']);
  });

  it('redacts the response body and lists it', () => {
    const { exchange: out, redactions } = redactExchange(centra, exchange(centraRequest(SECRET), { body: `<fault>bad password ${xmlText(SECRET)}</fault>` }), [SECRET]);
    expect(out.response.body).toBe('<fault>bad password [redacted]</fault>');
    expect(out.response.status).toBe(200);
    expect(redactions).toEqual(['body:/login/password', 'response-body']);
  });

  it('names the body generically only when no credential place of the body holds the secret', () => {
    const elsewhere = centraRequest('', SECRET);
    expect(elsewhere.body).toContain(xmlText(SECRET));
    const { exchange: out, redactions } = redactExchange(centra, exchange(elsewhere), [SECRET]);
    expect(out.request.body).not.toContain(xmlText(SECRET));
    expect(redactions).toEqual(['body']);
  });

  it('sets the secret query parameter to the marker and names the query, not the URL', () => {
    const { exchange: out, redactions } = redactExchange(ixp, exchange(ixpRequest(SECRET)), [SECRET]);
    expect(new URL(out.request.url).searchParams.get('api_key')).toBe('[redacted]');
    expect(redactions).toEqual(['query:api_key']);
  });

  it('sets the secret query parameter to the marker even when its value is not a listed secret', () => {
    const { exchange: out, redactions } = redactExchange(ixp, exchange(ixpRequest('unlisted-key-value')), [SECRET]);
    expect(new URL(out.request.url).searchParams.get('api_key')).toBe('[redacted]');
    expect(redactions).toEqual(['query:api_key']);
  });

  it('names the URL when the secret sits elsewhere in it and the secret query parameter is empty', () => {
    const request = ixpRequest('');
    const url = new URL(request.url);
    url.searchParams.set('echo', SECRET);
    const { exchange: out, redactions } = redactExchange(ixp, exchange({ ...request, url: url.toString() }), [SECRET]);
    expect(new URL(out.request.url).searchParams.get('echo')).toBe('[redacted]');
    expect(redactions).toEqual(['url']);
  });

  it('names only the query place when the secret is both there and elsewhere in the URL', () => {
    const request = ixpRequest(SECRET);
    const url = new URL(request.url);
    url.searchParams.set('echo', SECRET);
    const { exchange: out, redactions } = redactExchange(ixp, exchange({ ...request, url: url.toString() }), [SECRET]);
    expect(new URL(out.request.url).searchParams.get('echo')).toBe('[redacted]');
    expect(redactions).toEqual(['query:api_key']);
  });

  it('leaves an exchange with no secret and no credential header unchanged, listing nothing', () => {
    const request = centraRequest('');
    const ex = exchange(request, { headers: { 'content-type': 'text/xml' }, body: '<ok/>' });
    const { exchange: out, redactions } = redactExchange(centra, ex, [SECRET]);
    expect(redactions).toEqual([]);
    expect(out).toEqual(ex);
  });
});
