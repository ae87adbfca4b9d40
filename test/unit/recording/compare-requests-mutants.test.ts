import { beforeAll, describe, expect, it } from 'vitest';
import { compareRequests, credentialPaths, requestKey } from '../../../src/recording/compare-requests.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { recordedRequest, type RecordedRequest } from '../../helpers/recorded-request.ts';

let centra: RecordedRequest;
let ops: RecordedRequest;
let ixp: RecordedRequest;
beforeAll(async () => {
  centra = await recordedRequest('centra/invoices_Update.yaml', 'centra/invoices_Update/update-ok.har');
  ops = await recordedRequest('opsplanning/UpdateInvoicePaymentStatus.yaml', 'opsplanning/UpdateInvoicePaymentStatus/mark-paid.har');
  ixp = await recordedRequest('invoicexpress/invoices.update.yaml', 'invoicexpress/invoices.update/update-ok.har');
});

describe('compareRequests', () => {
  it('finds no difference between a request and itself', () => {
    for (const { contract, request } of [centra, ops, ixp]) expect(compareRequests(contract, request, request)).toEqual([]);
  });

  it('compares the method without regard to case, and reports a different one', () => {
    expect(compareRequests(centra.contract, centra.request, { ...centra.request, method: 'post' })).toEqual([]);
    expect(compareRequests(centra.contract, centra.request, { ...centra.request, method: 'put' })).toEqual([{ where: 'method', recorded: 'POST', received: 'PUT' }]);
  });

  it('reports a different path, but not a different host', () => {
    const url = new URL(centra.request.url);
    expect(compareRequests(centra.contract, centra.request, { ...centra.request, url: `http://127.0.0.1:9${url.pathname}` })).toEqual([]);
    expect(compareRequests(centra.contract, centra.request, { ...centra.request, url: `${url.origin}/other` })).toEqual([{ where: 'path', recorded: url.pathname, received: '/other' }]);
  });

  it('reports a different or missing SOAPAction header', () => {
    const { soapaction: _gone, ...noAction } = centra.request.headers;
    expect(compareRequests(centra.contract, centra.request, { ...centra.request, headers: noAction })).toEqual([{ where: 'soapaction header', recorded: centra.request.headers['soapaction'], received: undefined }]);
  });

  it('compares the media type only: parameters, case and spaces do not matter', () => {
    const withType = (type: string): HttpRequest => ({ ...centra.request, headers: { ...centra.request.headers, 'content-type': type } });
    expect(compareRequests(centra.contract, centra.request, withType(' Text/XML ; charset=iso-8859-1'))).toEqual([]);
    expect(compareRequests(centra.contract, centra.request, withType('application/soap+xml; charset=utf-8'))).toEqual([{ where: 'content-type', recorded: 'text/xml', received: 'application/soap+xml' }]);
  });

  it('reports a changed body field by its path, with both values', () => {
    const received = { ...centra.request, body: centra.request.body.replace('<ns1:total>120.00</ns1:total>', '<ns1:total>99.00</ns1:total>') };
    expect(compareRequests(centra.contract, centra.request, received)).toEqual([{ where: 'body /body/invoices/invoice/0/total', recorded: '120.00', received: '99.00' }]);
  });

  it('reports an added and a removed body field', () => {
    const removed = { ...centra.request, body: centra.request.body.replace('<ns1:ponumber>PO-77</ns1:ponumber>', '') };
    expect(compareRequests(centra.contract, centra.request, removed)).toEqual([{ where: 'body /body/invoices/invoice/0/ponumber', recorded: 'PO-77', received: undefined }]);
    expect(compareRequests(centra.contract, removed, centra.request)).toEqual([{ where: 'body /body/invoices/invoice/0/ponumber', recorded: undefined, received: 'PO-77' }]);
  });

  it('ignores the value at a credential position of the body and of the SOAP header', () => {
    const centraPassword = { ...centra.request, body: centra.request.body.replace('<ns1:password>[redacted]</ns1:password>', '<ns1:password>a-real-one</ns1:password>') };
    expect(centraPassword.body).not.toBe(centra.request.body);
    expect(compareRequests(centra.contract, centra.request, centraPassword)).toEqual([]);
    const opsPassword = { ...ops.request, body: ops.request.body.replace(/<data:Password>[^<]*</, '<data:Password>a-real-one<') };
    expect(opsPassword.body).not.toBe(ops.request.body);
    expect(compareRequests(ops.contract, ops.request, opsPassword)).toEqual([]);
  });

  it('ignores every credential position (user names too), but not a SOAP header that is gone', () => {
    const account = { ...ops.request, body: ops.request.body.replace(/<data:AccountName>[^<]*</, '<data:AccountName>other-account<') };
    expect(compareRequests(ops.contract, ops.request, account)).toEqual([]);
    const noHeader = { ...ops.request, body: ops.request.body.replace(/<soapenv:Header>[\s\S]*<\/soapenv:Header>/, '') };
    expect(noHeader.body).not.toBe(ops.request.body);
    expect(compareRequests(ops.contract, ops.request, noHeader).map((d) => d.where)).toContain('body /header');
  });

  it('ignores the secret api_key in the query but compares other query parameters', () => {
    const url = new URL(ixp.request.url);
    url.searchParams.set('api_key', 'live-key');
    expect(compareRequests(ixp.contract, ixp.request, { ...ixp.request, url: url.toString() })).toEqual([]);
    url.searchParams.set('page', '2');
    expect(compareRequests(ixp.contract, ixp.request, { ...ixp.request, url: url.toString() })).toEqual([{ where: 'query page', recorded: undefined, received: '2' }]);
    const changed = new URL(url);
    changed.searchParams.set('page', '3');
    expect(compareRequests(ixp.contract, { ...ixp.request, url: url.toString() }, { ...ixp.request, url: changed.toString() })).toEqual([{ where: 'query page', recorded: '2', received: '3' }]);
  });

  it('reports that a body in another namespace differs, although its local names match', () => {
    const otherNs = { ...centra.request, body: centra.request.body.replace('xmlns:ns1="http://www.centra.com/webservices/"', 'xmlns:ns1="urn:not-centra"') };
    const diffs = compareRequests(centra.contract, centra.request, otherNs);
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.every((d) => d.where.startsWith('body /structure'))).toBe(true);
  });

  it('reports an unreadable body as a difference, with the reader problem', () => {
    const diffs = compareRequests(centra.contract, centra.request, { ...centra.request, body: '<soapenv:Envelope' });
    expect(diffs).toContainEqual(expect.objectContaining({ where: 'body /unreadable', recorded: undefined, received: expect.any(String) }));
  });
});

describe('compareRequests with credentials in a repeated element', () => {
  it('ignores the credential in each repetition, and still compares the rest of each', () => {
    const fields = centra.contract.request.fields.map((f) => (f.name === 'login' ? { ...f, repeated: true } : f));
    const contract = { ...centra.contract, request: { ...centra.contract.request, fields } } as Contract;
    const login = /<ns1:login>[\s\S]*?<\/ns1:login>/.exec(centra.request.body)?.[0] ?? '';
    expect(login).toContain('<ns1:password>');
    const twice = (a: string, b: string, user = 'demo'): HttpRequest => ({ ...centra.request, body: centra.request.body.replace(login, login.replace(/<ns1:password>[^<]*</, `<ns1:password>${a}<`) + login.replace(/<ns1:password>[^<]*</, `<ns1:password>${b}<`).replace('>demo<', `>${user}<`)) });
    expect(compareRequests(contract, twice('one', 'two'), twice('three', 'four'))).toEqual([]);
    expect(compareRequests(contract, twice('one', 'two'), twice('one', 'two', 'other'))).toEqual([]);
    const withoutUserMask = { ...contract, request: { ...contract.request, fields: fields.map((f) => (f.name === 'login' ? { ...f, fields: (f.fields ?? []).map((g) => (g.name === 'username' ? { name: g.name, type: g.type } : g)) } : f)) } } as Contract;
    expect(compareRequests(withoutUserMask, twice('one', 'two'), twice('one', 'two', 'other'))).toEqual([{ where: 'body /body/login/1/username', recorded: 'demo', received: 'other' }]);
  });
});

describe('requestKey', () => {
  it('is a sha256 digest in base64url (43 characters)', () => {
    expect(requestKey(centra.contract, centra.request)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('changes with each compared part and not with the host, media type parameters or secret query value', () => {
    const key = (r: HttpRequest): string => requestKey(ixp.contract, r);
    const base = key(ixp.request);
    const url = new URL(ixp.request.url);
    expect(key({ ...ixp.request, url: ixp.request.url.replace(url.host, '127.0.0.1:9') })).toBe(base);
    expect(key({ ...ixp.request, headers: { ...ixp.request.headers, 'content-type': 'Application/XML' } })).toBe(base);
    url.searchParams.set('api_key', 'live-key');
    expect(key({ ...ixp.request, url: url.toString() })).toBe(base);
    url.searchParams.set('page', '2');
    expect(key({ ...ixp.request, url: url.toString() })).not.toBe(base);
    expect(key({ ...ixp.request, url: ixp.request.url.replace('/invoices/', '/other/') })).not.toBe(base);
    expect(key({ ...ixp.request, headers: { ...ixp.request.headers, 'content-type': 'text/xml' } })).not.toBe(base);
    expect(key({ ...ixp.request, headers: { ...ixp.request.headers, soapaction: '"x"' } })).not.toBe(base);
    expect(key({ ...ixp.request, headers: {} })).not.toBe(base);
  });

  it('does not depend on the order of fields in the body, as compareRequests does not', () => {
    const swapped = centra.request.body.replace('<ns1:firstname>Ada</ns1:firstname>\n            <ns1:lastname>Lovelace</ns1:lastname>', '<ns1:lastname>Lovelace</ns1:lastname>\n            <ns1:firstname>Ada</ns1:firstname>');
    expect(swapped).not.toBe(centra.request.body);
    const other = { ...centra.request, body: swapped };
    expect(compareRequests(centra.contract, centra.request, other)).toEqual([]);
    expect(requestKey(centra.contract, other)).toBe(requestKey(centra.contract, centra.request));
  });

  it('tells apart bodies that differ only in an empty versus a missing field', () => {
    const empty = { ...centra.request, body: centra.request.body.replace('<ns1:ponumber>PO-77</ns1:ponumber>', '<ns1:ponumber></ns1:ponumber>') };
    expect(compareRequests(centra.contract, centra.request, empty)).not.toEqual([]);
    expect(requestKey(centra.contract, empty)).not.toBe(requestKey(centra.contract, centra.request));
  });
});

describe('credentialPaths', () => {
  it('lists the path of every credential field, secret or not, under the prefix', () => {
    expect(credentialPaths(centra.contract.request.fields, ['body'])).toEqual([
      ['body', 'login', 'username'],
      ['body', 'login', 'password'],
    ]);
    expect(credentialPaths(ops.contract.request.header ?? [], ['header'])).toEqual([
      ['header', 'OpsAuthenticationHeader', 'AccountName'],
      ['header', 'OpsAuthenticationHeader', 'EmailAddress'],
      ['header', 'OpsAuthenticationHeader', 'Password'],
    ]);
  });
});
