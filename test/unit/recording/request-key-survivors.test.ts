import { beforeAll, describe, expect, it } from 'vitest';
import { compareRequests, requestKey } from '../../../src/recording/compare-requests.ts';
import { toHarEntry } from '../../../src/recording/to-har.ts';
import { unredactedCredentials } from '../../../src/recording/unredacted-credentials.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import { recordedRequest, type RecordedRequest } from '../../helpers/recorded-request.ts';

let centra: RecordedRequest;
let list: RecordedRequest;
let crm: RecordedRequest;
beforeAll(async () => {
  centra = await recordedRequest('centra/invoices_Update.yaml', 'centra/invoices_Update/update-ok.har');
  // invoices.list declares two query parameters: api_key (a secret credential) and page (not one).
  list = await recordedRequest('invoicexpress/invoices.list.yaml', 'invoicexpress/invoices.list/list-ok.har');
  crm = await recordedRequest('crmcom/invoices_update.yaml', 'crmcom/invoices_update/cost-and-sub-total.har');
});

const withBody = (r: HttpRequest, body: string): HttpRequest => ({ ...r, body });
const withQuery = (r: HttpRequest, name: string, value: string): HttpRequest => {
  const url = new URL(r.url);
  url.searchParams.set(name, value);
  return { ...r, url: url.toString() };
};

describe('requestKey and compareRequests on declared query parameters', () => {
  it('mask only the query parameter the contract marks as a credential, not another declared one', () => {
    const key = (r: HttpRequest): string => requestKey(list.contract, r);
    expect(key(withQuery(list.request, 'api_key', 'another-live-key'))).toBe(key(list.request));
    expect(key(withQuery(list.request, 'page', '2'))).not.toBe(key(withQuery(list.request, 'page', '3')));
    expect(compareRequests(list.contract, withQuery(list.request, 'page', '2'), withQuery(list.request, 'page', '3'))).toEqual([{ where: 'query page', recorded: '2', received: '3' }]);
    expect(compareRequests(list.contract, list.request, withQuery(list.request, 'api_key', 'another-live-key'))).toEqual([]);
  });
});

describe('requestKey on bodies', () => {
  it('does not depend on the order of the members of a JSON body', () => {
    const data = JSON.parse(crm.request.body) as Record<string, unknown>;
    const names = Object.keys(data);
    expect(names.length).toBeGreaterThan(1);
    const reversed = JSON.stringify(Object.fromEntries(names.reverse().map((n) => [n, data[n]])));
    expect(reversed).not.toBe(JSON.stringify(data));
    expect(compareRequests(crm.contract, crm.request, withBody(crm.request, reversed))).toEqual([]);
    expect(requestKey(crm.contract, withBody(crm.request, reversed))).toBe(requestKey(crm.contract, crm.request));
  });

  it('tells apart a body without the credential element from one that has it', () => {
    const without = withBody(centra.request, centra.request.body.replace(/\s*<ns1:password>\[redacted\]<\/ns1:password>/, ''));
    expect(without.body).not.toBe(centra.request.body);
    expect(compareRequests(centra.contract, centra.request, without)).not.toEqual([]);
    expect(requestKey(centra.contract, without)).not.toBe(requestKey(centra.contract, centra.request));
  });

  it('keys a body whose credential parent is text instead of elements, without throwing', () => {
    const text = withBody(centra.request, centra.request.body.replace(/<ns1:login>[\s\S]*?<\/ns1:login>/, '<ns1:login>demo</ns1:login>'));
    expect(text.body).not.toBe(centra.request.body);
    expect(requestKey(centra.contract, text)).not.toBe(requestKey(centra.contract, centra.request));
  });

  it('tells apart bodies with different structural findings (each an element the contract does not know)', () => {
    const extra = (name: string): HttpRequest => withBody(centra.request, centra.request.body.replace('<ns1:ponumber>PO-77</ns1:ponumber>', `<ns1:ponumber>PO-77</ns1:ponumber><ns1:${name}>1</ns1:${name}>`));
    const [a, b] = [extra('notdocumented'), extra('alsonotdocumented')];
    expect(compareRequests(centra.contract, a, b)).not.toEqual([]);
    expect(requestKey(centra.contract, a)).not.toBe(requestKey(centra.contract, b));
  });
});

describe('unredactedCredentials', () => {
  it('reports nothing for a credential position the recorded body does not have', () => {
    const without = withBody(centra.request, centra.request.body.replace(/\s*<ns1:password>\[redacted\]<\/ns1:password>/, ''));
    const entry = toHarEntry({ request: without, response: { status: 200, headers: {}, body: '' }, durationMs: 1 }, { contract: 'x', case: 'y', source: { kind: 'recorded', doc: 'd', example: 'e' }, redactions: [], startedDateTime: '2026-12-01T00:00:00Z' });
    expect(unredactedCredentials(centra.contract, entry)).toEqual([]);
  });
});
