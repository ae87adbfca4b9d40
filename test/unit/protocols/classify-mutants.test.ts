import { beforeAll, describe, expect, it } from 'vitest';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { xml } from '../../../src/protocols/xml.ts';
import type { Contract, ResponseSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

const load = async (file: string): Promise<Contract> => (await loadValidContract(repoPath(file))).contract;
const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const HTML = '<!DOCTYPE html><html><body>Not Found</body></html>';

/** An HTTP response with this status, body and (optional) content type. */
function res(status: number, body: string, contentType?: string) {
  return { status, headers: contentType === undefined ? {} : { 'content-type': contentType }, body };
}

describe('classifyResponse against InvoiceXpress (XML REST with JSON errors, empty and any bodies)', () => {
  let ix: Contract;
  beforeAll(async () => {
    ix = await load('contracts/invoicexpress/invoices.update.yaml');
  });

  it('matches the documented empty 200 with no data', () => {
    expect(classifyResponse(ix, res(200, '', 'application/xml'))).toEqual({ contract: 'invoicexpress/invoices.update', outcome: 'ok', conformant: true, vendorCode: null, message: null, data: null, violations: [], matched: 'update-ok' });
  });

  it('does not take a 200 with an XML body for the empty success, and names what is documented', () => {
    const parsed = classifyResponse(ix, res(200, '<invoice/>', 'application/xml'));
    expect(parsed).toMatchObject({ outcome: 'unknown', conformant: false, matched: null, data: '' });
    const [undocumented] = parsed.violations;
    expect(undocumented).toMatchObject({ rule: 'undocumented-response', path: '/', severity: 'error' });
    expect(undocumented?.message).toContain('Received: HTTP 200 with <{}invoice> / Documented: one of update-ok (HTTP 200 empty); auth-failed-json (HTTP 401 json); auth-failed (HTTP 401 any)');
    expect(undocumented?.message).toContain('settled (HTTP 422 <{}errors>)');
  });

  it('joins several documented error messages and matches a pattern only on text values', () => {
    const parsed = classifyResponse(ix, res(422, '<errors><error>Date is invalid</error><error>Invoice has been settled</error></errors>', 'application/xml'));
    expect(parsed).toMatchObject({ outcome: 'state_conflict', conformant: true, matched: 'settled', message: 'Date is invalid; Invoice has been settled', vendorCode: null });
    expect(classifyResponse(ix, res(422, '<errors><error>Date is invalid</error></errors>', 'application/xml'))).toMatchObject({ outcome: 'invalid_request', matched: 'invalid-request', message: 'Date is invalid' });
  });

  it('validates a matched XML body against its fields: an <errors> without <error> is not conformant', () => {
    const parsed = classifyResponse(ix, res(422, '<errors/>', 'application/xml'));
    expect(parsed).toMatchObject({ outcome: 'invalid_request', matched: 'invalid-request', conformant: false, message: null });
    expect(parsed.violations.map((v) => [v.rule, v.path])).toEqual([['required', '/error']]);
  });

  it('reads JSON error bodies on the XML endpoint, the first matching response winning', () => {
    const auth = classifyResponse(ix, res(401, '{"errors":[{"error":"Invalid API key"}]}', 'application/json'));
    expect(auth).toMatchObject({ outcome: 'auth_failed', matched: 'auth-failed-json', conformant: true, message: 'Invalid API key', data: { errors: [{ error: 'Invalid API key' }] } });
    const settled = classifyResponse(ix, res(422, '{"errors":[{"error":"Invoice has been settled"}]}', 'application/json'));
    expect(settled).toMatchObject({ outcome: 'state_conflict', matched: 'settled-json' });
    // The JSON shape the fields document does not fit: matched by the catch-all, still conformant (no fields there).
    expect(classifyResponse(ix, res(422, '[["name","taken"]]', 'application/json'))).toMatchObject({ outcome: 'invalid_request', matched: 'invalid-request-json-other', conformant: true, data: [['name', 'taken']] });
    // A 401 JSON without errors.error is not the JSON auth failure, but 401 documents any body.
    expect(classifyResponse(ix, res(401, '{"message":"no"}', 'application/json'))).toMatchObject({ outcome: 'auth_failed', matched: 'auth-failed', data: { message: 'no' } });
  });

  it('takes an HTML page under `body: any` as opaque text when the response says text/html', () => {
    expect(classifyResponse(ix, res(404, HTML, 'text/html; charset=utf-8'))).toEqual({ contract: 'invoicexpress/invoices.update', outcome: 'not_found', conformant: true, vendorCode: null, message: null, data: null, violations: [], matched: 'not-found' });
    expect(classifyResponse(ix, res(404, '<p><b>gone</b></p>', 'text/html'))).toMatchObject({ outcome: 'not_found', conformant: true, data: { b: 'gone' } });
    expect(classifyResponse(ix, res(404, '', 'text/html'))).toMatchObject({ outcome: 'not_found', conformant: true, data: null });
  });

  it('still fails an unreadable `body: any` that claims XML or JSON, or says nothing, or passes the byte limit', () => {
    for (const type of ['application/xml', 'application/json', 'TEXT/XML', undefined]) {
      const parsed = classifyResponse(ix, res(404, HTML, type));
      expect(parsed, String(type)).toMatchObject({ outcome: 'not_found', matched: 'not-found', conformant: false });
      expect(parsed.violations.map((v) => v.rule), String(type)).toEqual(['xml-doctype']);
    }
    const huge = `<!DOCTYPE html>${'a'.repeat(5 * 1024 * 1024)}`;
    expect(classifyResponse(ix, res(404, huge, 'text/html')).conformant).toBe(false);
    // Exactly at the limit and readable as opaque text: accepted.
    const atLimit = `<!DOCTYPE html>${'a'.repeat(5 * 1024 * 1024 - 15)}`;
    expect(Buffer.byteLength(atLimit)).toBe(5 * 1024 * 1024);
    expect(classifyResponse(ix, res(404, atLimit, 'text/html')).conformant).toBe(true);
  });

  it('classifies a message read beforehand without reading the body again', () => {
    const message = xml.readMessage('<errors><error>Date is invalid</error></errors>');
    expect(classifyResponse(ix, res(422, 'not read again'), message)).toMatchObject({ outcome: 'invalid_request', message: 'Date is invalid' });
  });

  it('names an unreadable body and a JSON body in an unknown outcome', () => {
    const unreadable = classifyResponse(ix, res(200, '<a>', 'application/xml'));
    expect(unreadable.violations.map((v) => v.rule)).toEqual(['xml-malformed', 'undocumented-response']);
    expect(unreadable.violations[1]?.message).toContain('Received: HTTP 200 with an unreadable body / Documented:');
    expect(unreadable.data).toBeNull();
    const jsonOk = classifyResponse(ix, res(200, '{"a":1}', 'application/json'));
    expect(jsonOk).toMatchObject({ outcome: 'unknown', data: { a: 1 } });
    expect(jsonOk.violations.map((v) => v.message)).toEqual([expect.stringContaining('Received: HTTP 200 with a JSON body / Documented:')]);
  });
});

describe('classifyResponse conditions and vendor fields', () => {
  let ix: Contract;
  let centra: Contract;
  let crm: Contract;
  beforeAll(async () => {
    [ix, centra, crm] = await Promise.all([load('contracts/invoicexpress/invoices.update.yaml'), load('contracts/centra/invoices_Update.yaml'), load('contracts/crmcom/invoices_update.yaml')]);
  });
  /** The InvoiceXpress contract answering only these documented responses (JSON bodies). */
  const only = (...responses: ResponseSpec[]): Contract => ({ ...ix, responses });
  const spec = (name: string, match: ResponseSpec['match'], extra: Partial<ResponseSpec> = {}): ResponseSpec => ({ name, match, outcome: 'invalid_request', ...extra });
  const classify = (c: Contract, body: unknown, status = 422) => classifyResponse(c, res(status, JSON.stringify(body), 'application/json'));

  it('matches a status list and refuses a status outside it', () => {
    const c = only(spec('listed', { status: [400, 422], body: 'json' }));
    expect(classify(c, {}, 400).matched).toBe('listed');
    expect(classify(c, {}, 422).matched).toBe('listed');
    const other = classify(c, {}, 409);
    expect(other.matched).toBeNull();
    expect(other.violations.at(-1)?.message).toMatch(/listed \(HTTP 400,\s?422 json\)/);
  });

  it('matches any status when none is documented, and says so', () => {
    const c = only(spec('any-status', { body: 'json', when: [{ path: 'x', present: true }] }));
    expect(classify(c, { x: 1 }, 503).matched).toBe('any-status');
    expect(classify(c, { y: 1 }, 503).violations.at(-1)?.message).toContain('any-status (any status json)');
  });

  it('holds `present` both ways, and `equals` on the text of scalars (null only equals null)', () => {
    const c = only(
      spec('absent', { body: 'json', when: [{ path: 'gone', present: false }, { path: 'code', equals: 0 }] }, { outcome: 'ok' }),
      spec('nulled', { body: 'json', when: [{ path: 'code', equals: null }] }, { outcome: 'not_found' }),
      spec('fallback', { body: 'json' }),
    );
    expect(classify(c, { code: '0' }).matched).toBe('absent');
    expect(classify(c, { code: 0 }).matched).toBe('absent');
    expect(classify(c, { code: 0, gone: 1 }).matched).toBe('fallback');
    expect(classify(c, { code: null }).matched).toBe('nulled');
    expect(classify(c, { code: 'null' }).matched).toBe('fallback');
    expect(classify(c, { code: { v: 0 } }).matched).toBe('fallback');
    expect(classify(c, {}).matched).toBe('fallback');
  });

  it('holds `in` when a value is one of the listed scalars, and `matches` only on text, every test on the same value', () => {
    const c = only(
      spec('listed', { body: 'json', when: [{ path: 'code', in: ['E1', 2] }] }, { outcome: 'not_found' }),
      spec('pattern', { body: 'json', when: [{ path: 'errors', matches: '^E' }] }, { outcome: 'state_conflict' }),
      spec('both', { body: 'json', when: [{ path: 'codes', in: ['A', 'B'], matches: '^B' }] }, { outcome: 'rate_limited' }),
      spec('fallback', { body: 'json' }),
    );
    expect(classify(c, { code: 'E1' }).matched).toBe('listed');
    expect(classify(c, { code: '2' }).matched).toBe('listed');
    expect(classify(c, { code: 'E3' }).matched).toBe('fallback');
    expect(classify(c, { errors: ['x', 'Ey'] }).matched).toBe('pattern');
    expect(classify(c, { errors: [{ E: 1 }] }).matched).toBe('fallback');
    expect(classify(c, { codes: ['A', 'C'] }).matched).toBe('fallback');
    expect(classify(c, { codes: ['A', 'B'] }).matched).toBe('both');
  });

  it('matches any XML payload where no element is documented, and decodes it generically without fields', () => {
    const c = only(spec('any-xml', { status: 503 }, { outcome: 'server_error', message: 'reason' }));
    const parsed = classifyResponse(c, res(503, '<maintenance xmlns="urn:m"><reason>upgrade</reason><extra/></maintenance>', 'application/xml'));
    expect(parsed).toMatchObject({ matched: 'any-xml', outcome: 'server_error', conformant: true, message: 'upgrade', data: { reason: 'upgrade', extra: '' }, violations: [] });
    // The same spec with fields validates them: the undocumented <extra> is reported.
    const typed = only(spec('typed', { status: 503 }, { outcome: 'server_error', fields: [{ name: 'reason', type: 'string' }] }));
    const checked = classifyResponse(typed, res(503, '<maintenance><reason>upgrade</reason><extra/></maintenance>', 'application/xml'));
    expect(checked).toMatchObject({ matched: 'typed', conformant: false, data: { reason: 'upgrade' } });
    expect(checked.violations.map((v) => [v.rule, v.path])).toEqual([['unexpected-element', '/maintenance/extra']]);
  });

  it('reads the vendor code and message at their paths, as text, objects as JSON, skipping nulls', () => {
    const c = only(spec('fields', { body: 'json' }, { code: 'status.code', message: 'status.message' }));
    expect(classify(c, { status: { code: 61048, message: ['a', null, 'b'] } })).toMatchObject({ vendorCode: '61048', message: 'a; b' });
    expect(classify(c, { status: { code: { n: 1 }, message: null } })).toMatchObject({ vendorCode: '{"n":1}', message: null });
    expect(classify(c, { status: {} })).toMatchObject({ vendorCode: null, message: null });
  });

  it('validates a matched JSON body against its fields (CRM.COM status.code required)', () => {
    const ok = classifyResponse(crm, res(200, JSON.stringify({ status: { code: 'OK', message: null, description: null }, data: { id: 'x' } }), 'application/json'));
    expect(ok).toMatchObject({ outcome: 'ok', conformant: true, vendorCode: 'OK', violations: [] });
    const bad = classifyResponse(crm, res(200, JSON.stringify({ status: { code: 'OK', message: 3 }, data: { id: 'x' } }), 'application/json'));
    expect(bad).toMatchObject({ outcome: 'ok', conformant: false });
    expect(bad.violations.map((v) => v.path)).toContain('/status/message');
  });

  it('reads a JSON contract body as JSON by default: XML there is unreadable', () => {
    const parsed = classifyResponse(crm, res(200, '<status/>', 'application/xml'));
    expect(parsed).toMatchObject({ outcome: 'unknown', conformant: false, data: null });
    expect(parsed.violations.at(-1)?.message).toContain('Received: HTTP 200 with an unreadable body');
    expect(parsed.violations.at(-1)?.message).toContain('(HTTP 200 json)');
  });

  it('decodes a Fault generically, only for a fault response, and keeps envelope violations', () => {
    const fault = (extra = '') => `<s:Envelope xmlns:s="${S11}"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>Bad id</faultstring></s:Fault>${extra}</s:Body></s:Envelope>`;
    const parsed = classifyResponse(centra, res(500, fault(), 'text/xml'));
    expect(parsed).toMatchObject({ outcome: 'invalid_request', matched: 'fault-client', conformant: true, vendorCode: 's:Client', message: 'Bad id', data: { faultcode: 's:Client', faultstring: 'Bad id' } });
    const after = classifyResponse(centra, res(500, fault('<x/>'), 'text/xml'));
    expect(after).toMatchObject({ matched: 'fault-client', conformant: false });
    expect(after.violations.map((v) => v.rule)).toEqual(['soap-fault']);
    const unknown = classifyResponse(centra, res(200, fault(), 'text/xml'));
    expect(unknown.violations.at(-1)?.message).toContain('Received: HTTP 200 with a SOAP Fault / Documented:');
    expect(unknown.violations.at(-1)?.message).toContain('fault-client (HTTP 500 SOAP Fault)');
  });

  it('names an envelope without a payload by its root element', () => {
    const parsed = classifyResponse(centra, res(200, `<s:Envelope xmlns:s="${S11}"><s:Body/></s:Envelope>`, 'text/xml'));
    expect(parsed).toMatchObject({ outcome: 'unknown', data: null });
    expect(parsed.violations.at(-1)?.message).toContain(`Received: HTTP 200 with <{${S11}}Envelope> / Documented:`);
    const twoBodies = classifyResponse(centra, res(200, `<s:Envelope xmlns:s="${S11}"><s:Body/><s:Body/></s:Envelope>`, 'text/xml'));
    expect(twoBodies.violations.map((v) => v.rule)).toEqual(['soap-envelope', 'undocumented-response']);
  });

  it('matches a result element by the documented namespace, the response one overriding the contract one', () => {
    const ok = classifyResponse(centra, res(200, `<s:Envelope xmlns:s="${S11}"><s:Body><invoicesUpdateResponse>OK</invoicesUpdateResponse></s:Body></s:Envelope>`, 'text/xml'));
    expect(ok).toMatchObject({ matched: expect.any(String), outcome: 'ok', data: 'OK' });
    const result = classifyResponse(centra, res(200, `<s:Envelope xmlns:s="${S11}"><s:Body><result xmlns="urn:elsewhere"/></s:Body></s:Envelope>`, 'text/xml'));
    expect(result.matched).toBeNull();
  });
});
