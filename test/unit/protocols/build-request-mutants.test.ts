import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { checkBuiltRequest } from '../../../src/protocols/check-built-request.ts';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import type { Contract, ParamSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';

/** Violations of the URL alone (the body mapping reports its own). */
const urlViolations = (vs: readonly { path: string }[]) => vs.filter((v) => v.path.startsWith('/path/') || v.path.startsWith('/query/'));
const load = async (file: string): Promise<Contract> => (await loadValidContract(repoPath(file))).contract;
const API_KEY = '0123456789abcdef0123456789abcdef01234567';

describe('buildRequest: URL, headers and body of the documented transport', () => {
  let ix: Contract;
  let ops: Contract;
  let crm: Contract;
  beforeAll(async () => {
    [ix, ops, crm] = await Promise.all([load('contracts/invoicexpress/invoices.update.yaml'), load('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'), load('contracts/crmcom/invoices_update.yaml')]);
  });
  const build = (contract: Contract, input: unknown, baseUrl = 'https://acme.app.invoicexpress.com', credentials = exampleCredentials(contract)) => buildRequest(contract, input, { baseUrl, credentials });

  it('fills the path parameter, URL-encoded, and the api_key query credential (InvoiceXpress PUT /invoices/:invoice-id.xml)', () => {
    const built = build(ix, { invoice: { id: 'a/b c' } });
    expect(built.request.method).toBe('PUT');
    expect(built.request.url).toBe(`https://acme.app.invoicexpress.com/invoices/a%2Fb%20c.xml?api_key=${API_KEY}`);
    expect(built.request.headers).toEqual({ 'content-type': 'application/xml; charset=utf-8' });
  });

  it('keeps the path of the base URL, with or without a trailing slash', () => {
    for (const base of ['https://proxy.test/ix', 'https://proxy.test/ix/']) {
      expect(new URL(build(ix, { invoice: { id: '7' } }, base).request.url).pathname, base).toBe('/ix/invoices/7.xml');
    }
  });

  it('reports a missing path parameter with the input field to set, and a missing required query credential', () => {
    const built = build(ix, {}, 'https://h.test', {});
    expect(built.violations).toContainEqual({ rule: 'required', path: '/path/invoice-id', severity: 'error', params: { field: 'invoice-id' }, message: 'Received: no value / Documented: path parameter invoice-id is required. Fix: set "invoice.id" in the input.' });
    expect(built.violations).toContainEqual({ rule: 'required', path: '/query/api_key', severity: 'error', params: { field: 'api_key' }, message: 'Received: no value / Documented: query parameter api_key is required.' });
    expect(new URL(built.request.url).searchParams.has('api_key')).toBe(false);
  });

  it('takes constant parameters and leaves out an optional query parameter without a value', () => {
    const query: ParamSpec[] = [
      { name: 'fixed', value: 'v 1' },
      { name: 'lang', from: 'locale' },
      { name: 'none' },
      { name: 'api_key', credential: 'apiKey', required: true },
    ];
    const c: Contract = { ...ix, transport: { ...ix.transport, query } };
    const url = new URL(build(c, { invoice: { id: '1' }, locale: 'pt' }).request.url);
    expect([...url.searchParams.entries()]).toEqual([['fixed', 'v 1'], ['lang', 'pt'], ['api_key', API_KEY]]);
    const without = build(c, { invoice: { id: '1' }, locale: null });
    expect(new URL(without.request.url).searchParams.has('lang')).toBe(false);
    expect(urlViolations(without.violations)).toEqual([]);
    expect(new URL(build(c, { invoice: { id: '1' }, locale: 12 }).request.url).searchParams.get('lang')).toBe('12');
  });

  it('refuses a lone surrogate in a query value by name and sends U+FFFD instead', () => {
    const built = build(ix, { invoice: { id: '1' } }, 'https://h.test', { apiKey: 'key\uDC00' });
    expect(urlViolations(built.violations)).toEqual([expect.objectContaining({ rule: 'forbidden-char', path: '/query/api_key', params: { codePoint: 'U+DC00' } })]);
    expect(new URL(built.request.url).searchParams.get('api_key')).toBe('key\uFFFD');
  });

  it('sends the documented SOAPAction and extra headers, lower-cased', () => {
    const c: Contract = { ...ops, transport: { ...ops.transport, headers: { 'X-Client': 'suite' } } };
    const built = build(c, { invoice: { number: 'INV-1' }, payment: { paid: true } }, 'https://ops.test');
    expect(built.request.headers).toEqual({ 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://www.opsplanning.com/webservices/public/data/UpdateInvoicePaymentStatus"', 'x-client': 'suite' });
    expect(built.request.method).toBe('POST');
  });

  it('maps the SOAP header from the credentials and reports what the header lacks', () => {
    const built = build(ops, { invoice: { number: 'INV-1' }, payment: { paid: true } }, 'https://ops.test', { accountName: 'acct', emailAddress: 'a@b.com', password: 'pw-123456' });
    expect(built.violations).toEqual([]);
    const env = parseXml(built.request.body);
    expect(env.ok && env.value.children.map((c) => c.local)).toEqual(['Header', 'Body']);
    expect(built.request.body).toContain('acct');
    const missing = build(ops, { invoice: { number: 'INV-1' }, payment: { paid: true } }, 'https://ops.test', { emailAddress: 'a@b.com', password: 'pw-123456' });
    expect(missing.violations.map((v) => v.path)).toEqual([expect.stringMatching(/^\/Header\/OpsAuthenticationHeader\/AccountName/)]);
  });

  it('refuses an XML-forbidden character in a SOAP header value, keeping the envelope well-formed', () => {
    const built = build(ops, { invoice: { number: 'INV-1' }, payment: { paid: true } }, 'https://ops.test', { accountName: 'ac\u0001ct', emailAddress: 'a@b.com', password: 'pw-123456' });
    expect(built.violations).toEqual([expect.objectContaining({ rule: 'forbidden-char', path: '/Header/OpsAuthenticationHeader/AccountName', params: { codePoint: 'U+0001' } })]);
    expect(parseXml(built.request.body).ok).toBe(true);
    expect(built.request.body).toContain('ac\uFFFDct');
  });

  it('lets a JSON body carry a control character but not a lone surrogate, which becomes U+FFFD', () => {
    const control = build(crm, { invoice: { id: 'a\u0001' } }, 'https://crm.test');
    expect(control.violations.filter((v) => v.rule === 'forbidden-char')).toEqual([]);
    expect(control.request.body).toContain('a\\u0001');
    const lone = build(crm, { invoice: { id: 'a\uD800' } }, 'https://crm.test');
    expect(lone.request.body).toContain('a\uFFFD');
    expect(lone.request.url).toBe('https://crm.test/crmapi/rest/v2/invoices/update');
    expect(lone.request.headers).toEqual({ 'content-type': 'application/json' });
  });
});

describe('checkBuiltRequest: the built request read back against the contract', () => {
  let ops: Contract;
  let crm: Contract;
  beforeAll(async () => {
    [ops, crm] = await Promise.all([load('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'), load('contracts/crmcom/invoices_update.yaml')]);
  });
  const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
  const OPS = 'http://www.opsplanning.com/webservices/public/data';

  it('requires the OpsPlanning authentication header block when the envelope has no Header at all', () => {
    const body = `<s:Envelope xmlns:s="${S11}" xmlns:o="${OPS}"><s:Body><o:UpdateInvoicePaymentStatus><o:request><o:Parameters><o:InvoiceNumber>1</o:InvoiceNumber><o:PaidFlag>true</o:PaidFlag></o:Parameters></o:request></o:UpdateInvoicePaymentStatus></s:Body></s:Envelope>`;
    const violations = checkBuiltRequest(ops, { method: 'POST', url: 'https://ops.test/', headers: {}, body });
    expect(violations.map((v) => [v.rule, v.path])).toEqual([['required', '/Header/OpsAuthenticationHeader']]);
  });

  it('warns on a field the reference does not list but the vendor accepts (CRM.COM udf_float_5), and passes the request', () => {
    const built = buildRequest(crm, { invoice: { id: 'INV-1' }, extensions: { udf_float_5: '1.5' } }, { baseUrl: 'https://crm.test', credentials: exampleCredentials(crm) });
    const violations = checkBuiltRequest(crm, built.request);
    expect(violations.map((v) => [v.rule, v.path, v.severity])).toEqual([['undocumented-field', '/udf_float_5', 'warning']]);
  });
});
