import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { describePlace, secretPlaces } from '../../../src/recording/secret-paths.ts';
import { unredactedCredentials } from '../../../src/recording/unredacted-credentials.ts';
import { toHarEntry } from '../../../src/recording/to-har.ts';
import type { HarEntry } from '../../../src/recording/har.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

// Which credentials are secret, and where each travels, is read from the contract files themselves
// (contracts/*/…yaml `credentials:` and the `credential:` marks on fields and query parameters).
const contract = async (file: string): Promise<Contract> => (await loadValidContract(repoPath('contracts', file))).contract;

function entry(request: HttpRequest): HarEntry {
  return toHarEntry({ request, response: { status: 200, headers: {}, body: '' }, durationMs: 1 }, { contract: 'x', case: 'y', source: { kind: 'recorded', doc: 'd', example: 'e' }, redactions: [], startedDateTime: '2026-12-01T00:00:00Z' });
}

describe('secretPlaces', () => {
  it('lists the secret body fields only (Centra: password is secret, username is not)', async () => {
    expect(secretPlaces(await contract('centra/invoices_Update.yaml'))).toEqual([{ in: 'body', path: ['login', 'password'], credential: 'password' }]);
  });

  it('lists the secret SOAP header fields (OpsPlanning: Password, not AccountName or EmailAddress)', async () => {
    expect(secretPlaces(await contract('opsplanning/UpdateInvoicePaymentStatus.yaml'))).toEqual([{ in: 'header', path: ['OpsAuthenticationHeader', 'Password'], credential: 'password' }]);
  });

  it('lists a secret query parameter (InvoiceXpress api_key)', async () => {
    expect(secretPlaces(await contract('invoicexpress/invoices.update.yaml'))).toEqual([{ in: 'query', name: 'api_key', credential: 'apiKey' }]);
  });

  it('lists several secret fields of one object in order (EBizCharge SecurityId and Password, not UserId)', async () => {
    expect(secretPlaces(await contract('ebizcharge/UpdateInvoice.yaml')).map(describePlace)).toEqual(['body:/securityToken/SecurityId', 'body:/securityToken/Password']);
  });

  it('lists nothing for a query parameter or field whose credential is not secret', async () => {
    const c = await contract('invoicexpress/invoices.update.yaml');
    const apiKey = c.credentials['apiKey'];
    if (apiKey === undefined) throw new Error('apiKey');
    expect(secretPlaces({ ...c, credentials: { ...c.credentials, apiKey: { ...apiKey, secret: false } } })).toEqual([]);
  });
});

describe('describePlace', () => {
  it('writes places as recordings list them in _redactions', () => {
    expect(describePlace({ in: 'body', path: ['login', 'password'], credential: 'password' })).toBe('body:/login/password');
    expect(describePlace({ in: 'header', path: ['OpsAuthenticationHeader', 'Password'], credential: 'password' })).toBe('header:/OpsAuthenticationHeader/Password');
    expect(describePlace({ in: 'query', name: 'api_key', credential: 'apiKey' })).toBe('query:api_key');
  });
});

describe('unredactedCredentials', () => {
  it('finds a real password in the SOAP header, and nothing when it is the marker, the example or the simulator value', async () => {
    const c = await contract('opsplanning/UpdateInvoicePaymentStatus.yaml');
    const build = (password: string): HttpRequest => buildRequest(c, { invoice: { number: 'INV1' }, payment: { paid: true } }, { baseUrl: 'http://127.0.0.1:1', credentials: { accountName: 'acme', emailAddress: 'a@b.example', password } }).request;
    expect(unredactedCredentials(c, entry(build('Real-Passw0rd')))).toEqual(['header:/OpsAuthenticationHeader/Password']);
    for (const placeholder of ['[redacted]', 'LaDiDa', 'sim-password']) expect(unredactedCredentials(c, entry(build(placeholder)))).toEqual([]);
  });

  it('finds a real password in the body (Centra), never naming the value', async () => {
    const c = await contract('centra/invoices_Update.yaml');
    const request = buildRequest(c, { invoice: { id: '1' } }, { baseUrl: 'http://127.0.0.1:1', credentials: { username: 'demo', password: 'hunter2-Real' } }).request;
    const found = unredactedCredentials(c, entry(request));
    expect(found).toEqual(['body:/login/password']);
    expect(JSON.stringify(found)).not.toContain('hunter2');
  });

  it('finds a real api_key in the query string and accepts the marker there', async () => {
    const c = await contract('invoicexpress/invoices.update.yaml');
    const base = { method: 'PUT', headers: {}, body: '' };
    expect(unredactedCredentials(c, entry({ ...base, url: 'https://x.example/invoices/1.xml?api_key=live-key-123' }))).toEqual(['query:api_key']);
    expect(unredactedCredentials(c, entry({ ...base, url: 'https://x.example/invoices/1.xml?api_key=%5Bredacted%5D' }))).toEqual([]);
    expect(unredactedCredentials(c, entry({ ...base, url: 'https://x.example/invoices/1.xml' }))).toEqual([]);
    expect(unredactedCredentials(c, entry({ ...base, url: 'https://x.example/invoices/1.xml?api_key=' }))).toEqual([]);
  });

  it('treats sim-<credential> as the simulator value of a credential that names none', async () => {
    const c = await contract('invoicexpress/invoices.update.yaml');
    const { simulator: _dropped, ...apiKey } = c.credentials['apiKey'] ?? { example: '', secret: true, env: '' };
    const noSimulator = { ...c, credentials: { ...c.credentials, apiKey } } as Contract;
    const request = { method: 'PUT', headers: {}, body: '', url: 'https://x.example/invoices/1.xml?api_key=sim-apiKey' };
    expect(unredactedCredentials(noSimulator, entry(request))).toEqual([]);
    expect(unredactedCredentials(c, entry(request))).toEqual(['query:api_key']);
  });

  it('finds credential headers that hold a value, whatever their case, and accepts the marker', async () => {
    const c = await contract('invoicexpress/invoices.update.yaml');
    const url = 'https://x.example/invoices/1.xml?api_key=[redacted]';
    const headers = { Authorization: 'Basic dXNlcjpwYXNz', 'Proxy-Authorization': 'Basic eA==', Cookie: 's=1', 'X-API-Key': 'k', 'Api-Key': 'k', 'X-Auth-Token': 't', Accept: 'application/xml' };
    expect(unredactedCredentials(c, entry({ method: 'PUT', url, headers, body: '' })).sort()).toEqual([
      'request-header:api-key',
      'request-header:authorization',
      'request-header:cookie',
      'request-header:proxy-authorization',
      'request-header:x-api-key',
      'request-header:x-auth-token',
    ]);
    expect(unredactedCredentials(c, entry({ method: 'PUT', url, headers: { authorization: '[redacted]' }, body: '' }))).toEqual([]);
  });

  it('reads a URL it cannot parse as having no query', async () => {
    const c = await contract('invoicexpress/invoices.update.yaml');
    const e = entry({ method: 'PUT', url: 'https://x.example/?api_key=live', headers: {}, body: '' });
    expect(unredactedCredentials(c, { ...e, request: { ...e.request, url: 'not a url ?api_key=live' } })).toEqual([]);
  });
});
