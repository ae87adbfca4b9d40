import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/model/http.ts';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import { buildFromInput } from '../../../suites/request-building/build-from-input.ts';
import { envelope } from '../../../suites/request-building/envelope.ts';
import { mustUnderstand } from '../../../suites/request-building/must-understand.ts';
import { namespaces } from '../../../suites/request-building/namespaces.ts';
import { requestRules } from '../../../suites/request-building/request-rules.ts';
import { requestSchema } from '../../../suites/request-building/request-schema.ts';
import { sequence } from '../../../suites/request-building/sequence.ts';
import { soapAction } from '../../../suites/request-building/soap-action.ts';
import { soapVersion } from '../../../suites/request-building/soap-version.ts';
import { transport } from '../../../suites/request-building/transport.ts';
import { vendorVersion } from '../../../suites/request-building/vendor-version.ts';
import type { CaseCheck, CheckOutcome } from '../../../suites/check.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { handBuiltCase, withoutRecording, type HandBuilt } from './hand-built-case.ts';

// Each check runs on a case context built in memory from one change to the request the case's
// input builds (see hand-built-case.ts), so every mutant of a check is covered by the test that
// changes exactly what the check looks at.

const load = async (id: string): Promise<Contract> => (await loadValidContract(repoPath(`contracts/${id}.yaml`))).contract;

let centra: Contract;
let ebiz: Contract;
let crmcom: Contract;
let ixp: Contract;
let ops: Contract;

beforeAll(async () => {
  [centra, ebiz, crmcom, ixp, ops] = await Promise.all(['centra/invoices_Update', 'ebizcharge/UpdateInvoice', 'crmcom/invoices_update', 'invoicexpress/invoices.update', 'opsplanning/UpdateInvoicePaymentStatus'].map(load)) as [Contract, Contract, Contract, Contract, Contract];
});

/** The violations a check returns; fails the test when it skipped instead. */
function violations(outcome: CheckOutcome): CheckOutcome & readonly unknown[] {
  if (!Array.isArray(outcome)) throw new Error(`expected violations, got ${JSON.stringify(outcome)}`);
  return outcome as CheckOutcome & readonly unknown[];
}

async function run(check: CaseCheck, contract: Contract, change: HandBuilt = {}): Promise<CheckOutcome & readonly unknown[]> {
  return violations(check.run(await handBuiltCase(contract, change)));
}

const edit = (change: Partial<HttpRequest>) => (r: HttpRequest): HttpRequest => ({ ...r, ...change });
const header = (name: string, value: string | undefined) => (r: HttpRequest): HttpRequest => {
  const { [name]: _drop, ...rest } = r.headers;
  return { ...r, headers: value === undefined ? rest : { ...rest, [name]: value } };
};
const body = (from: string | RegExp, to: string) => (r: HttpRequest): HttpRequest => {
  const next = r.body.replace(from, to);
  if (next === r.body) throw new Error(`the built body has no ${String(from)}`);
  return { ...r, body: next };
};

describe('every request check on a case whose recording could not be read', () => {
  it.each<CaseCheck>([transport, soapAction, envelope, namespaces, requestSchema, mustUnderstand, sequence, soapVersion, requestRules])('$id is skipped, pointing at contract.recordings-valid', async (check) => {
    expect(check.run(withoutRecording(await handBuiltCase(ebiz)))).toEqual({ skip: 'the recording could not be read (see contract.recordings-valid)' });
  });
});

describe('request.transport', () => {
  it('passes the request each contract documents', async () => {
    for (const contract of [centra, ebiz, crmcom, ixp, ops]) expect(await run(transport, contract)).toEqual([]);
  });

  it('fails another method, naming both', async () => {
    expect(await run(transport, ixp, { request: edit({ method: 'POST' }) })).toEqual([
      { rule: 'method', path: 'method', severity: 'error', message: 'Received: POST / Documented: PUT.' },
    ]);
  });

  it('reads the method case-insensitively, as fetch normalizes "put" to "PUT" before sending it', async () => {
    expect(await run(transport, ixp, { request: edit({ method: 'put' }) })).toEqual([]);
  });

  it('matches a path template parameter against exactly one non-empty path segment, the rest literally', async () => {
    const at = (path: string): HandBuilt => ({ request: (r) => ({ ...r, url: `https://x.app.invoicexpress.com${path}?api_key=k` }) });
    expect(await run(transport, ixp, at('/invoices/1503698.xml'))).toEqual([]);
    for (const wrong of ['/invoices/.xml', '/invoices/1/2.xml', '/invoices/1503698Xxml', '/v2/invoices/1.xml', '/invoices/1.xml/more', '/invoices/1.json']) {
      expect(await run(transport, ixp, at(wrong)), wrong).toEqual([
        { rule: 'path', path: 'path', severity: 'error', message: `Received: ${wrong} / Documented: /invoices/{invoice-id}.xml.` },
      ]);
    }
  });

  it('treats regular-expression characters of a documented path literally', async () => {
    const dotted: Contract = { ...centra, transport: { ...centra.transport, path: '/a.b/(x)+/{id}' } };
    const to = (path: string): HandBuilt => ({ request: (r) => ({ ...r, url: `https://centra.example${path}` }) });
    expect(await run(transport, dotted, to('/a.b/(x)+/7'))).toEqual([]);
    expect(await run(transport, dotted, to('/aXb/(x)+/7'))).toEqual([expect.objectContaining({ rule: 'path' })]);
    expect(await run(transport, dotted, to('/a.b/xx/7'))).toEqual([expect.objectContaining({ rule: 'path' })]);
  });

  it('fails another content type, and warns for one the vendor stack reads the same (InvoiceXpress: text/xml)', async () => {
    expect(await run(transport, centra, { request: header('content-type', 'application/json') })).toEqual([expect.objectContaining({ rule: 'content-type', severity: 'error' })]);
    expect(await run(transport, ixp, { request: header('content-type', 'text/xml') })).toEqual([expect.objectContaining({ rule: 'content-type', severity: 'warning' })]);
  });

  it('fails a request without the required api_key query parameter, quoting its documented description', async () => {
    expect(await run(transport, ixp, { request: (r) => ({ ...r, url: r.url.replace(/\?.*$/, '?page=2') }) })).toEqual([
      {
        rule: 'required',
        path: 'query api_key',
        severity: 'error',
        message: 'Received: no api_key query parameter / Documented: api_key is required (Your secret identifier (Account Overview in the Account section).).',
      },
    ]);
  });

  it('does not require an optional query parameter, and names a required one without a description plainly', async () => {
    const list = await load('invoicexpress/invoices.list');
    expect(await run(transport, list)).toEqual([]);
    const bare: Contract = { ...ixp, transport: { ...ixp.transport, query: [{ name: 'api_key', required: true }, { name: 'page' }] } };
    expect(await run(transport, bare, { request: (r) => ({ ...r, url: r.url.replace(/\?.*$/, '') }) })).toEqual([
      expect.objectContaining({ rule: 'required', path: 'query api_key', message: 'Received: no api_key query parameter / Documented: api_key is required.' }),
    ]);
  });
});

describe('request.soap-action', () => {
  it('applies to SOAP 1.1 contracts only', () => {
    expect([centra, ebiz, ops, crmcom, ixp].map((c) => soapAction.appliesTo(c))).toEqual([true, true, true, false, false]);
  });

  it('passes the documented SOAPAction and fails another operation, reading the recorded header', async () => {
    expect(await run(soapAction, ebiz)).toEqual([]);
    expect(await run(soapAction, ebiz, { request: header('soapaction', '"http://eBizCharge.ServiceModel.SOAP/IeBizService/SearchInvoices"') })).toEqual([
      expect.objectContaining({ rule: 'soapaction', severity: 'error', path: 'header soapaction' }),
    ]);
  });
});

describe('request.envelope', () => {
  it('applies to every contract', () => {
    expect([centra, crmcom, ixp].map((c) => envelope.appliesTo(c))).toEqual([true, true, true]);
  });

  it('fails a body that is not a SOAP 1.1 envelope, and a malformed one', async () => {
    expect(await run(envelope, centra)).toEqual([]);
    expect(await run(envelope, centra, { request: body(/soapenv:Envelope/g, 'soapenv:Envelop') })).toEqual([expect.objectContaining({ rule: 'soap-envelope', severity: 'error' })]);
    expect(await run(envelope, crmcom, { request: edit({ body: '{"token": ' }) })).toEqual([expect.objectContaining({ rule: 'json-malformed' })]);
  });

  it('leaves field and namespace findings to request.schema and request.namespaces', async () => {
    expect(await run(envelope, centra, { request: body('<ns1:id>1001</ns1:id>', '') })).toEqual([]);
    expect(await run(envelope, centra, { request: body('<ns1:currency>EUR</ns1:currency>', '<currency xmlns="urn:other">EUR</currency>') })).toEqual([]);
  });
});

describe('request.namespaces', () => {
  it('applies to XML contracts (SOAP and REST), not JSON', () => {
    expect([centra, ixp, crmcom].map((c) => namespaces.appliesTo(c))).toEqual([true, true, false]);
  });

  it('fails a child in another namespace URI and leaves a missing field to request.schema', async () => {
    expect(await run(namespaces, centra)).toEqual([]);
    expect(await run(namespaces, centra, { request: body('<ns1:currency>EUR</ns1:currency>', '<currency xmlns="urn:other">EUR</currency>') })).toEqual([
      expect.objectContaining({ rule: 'namespace', path: '/invoices/invoice/currency' }),
    ]);
    expect(await run(namespaces, centra, { request: body('<ns1:id>1001</ns1:id>', '') })).toEqual([]);
  });
});

describe('request.schema', () => {
  it('fails a recorded request without a required field and passes the built one', async () => {
    expect(await run(requestSchema, centra)).toEqual([]);
    expect(await run(requestSchema, centra, { request: body('<ns1:id>1001</ns1:id>', '') })).toEqual([expect.objectContaining({ rule: 'required', path: '/invoices/invoice/0/id' })]);
  });
});

describe('request.must-understand', () => {
  const block = '<soapenv:Header><t:Trace xmlns:t="urn:trace" soapenv:mustUnderstand="1">x</t:Trace></soapenv:Header><soapenv:Body>';

  it('applies to SOAP 1.1 contracts only', () => {
    expect([ebiz, centra, crmcom, ixp].map((c) => mustUnderstand.appliesTo(c))).toEqual([true, true, false, false]);
  });

  it('fails an undeclared header block marked mustUnderstand="1" (SOAP 1.1 section 4.2.3)', async () => {
    expect(await run(mustUnderstand, ebiz)).toEqual([]);
    expect(await run(mustUnderstand, ebiz, { request: body('<soapenv:Body>', block) })).toEqual([expect.objectContaining({ rule: 'must-understand', path: '/Header/Trace' })]);
  });
});

describe('request.sequence', () => {
  const orderedField = (fields: readonly FieldSpec[]): FieldSpec[] => [{ name: 'outer', type: 'object', fields: [{ name: 'inner', type: 'object', ordered: true, fields: [...fields] }] }];

  it('applies where the contract declares an xs:sequence: on the request, a field, a nested field or a header block', () => {
    expect([ebiz, ops, centra, crmcom, ixp].map((c) => sequence.appliesTo(c))).toEqual([true, true, false, false, false]);
    expect(sequence.appliesTo({ ...centra, request: { ...centra.request, fields: orderedField([]) } })).toBe(true);
    expect(sequence.appliesTo({ ...centra, request: { ...centra.request, header: orderedField([]) } })).toBe(true);
    expect(sequence.appliesTo({ ...centra, request: { ...centra.request, ordered: false } })).toBe(false);
  });

  it('never applies to JSON, whose members have no order', () => {
    expect(sequence.appliesTo({ ...crmcom, request: { ...crmcom.request, ordered: true } })).toBe(false);
  });

  it('fails an element out of the WSDL order and passes the built request', async () => {
    expect(await run(sequence, ebiz)).toEqual([]);
    const swapped = await run(sequence, ebiz, { request: (r) => ({ ...r, body: r.body.replace(/(<ebiz:securityToken>[\s\S]*?<\/ebiz:securityToken>)(\s*)(<ebiz:invoice>[\s\S]*<\/ebiz:invoice>)/, '$3$2$1') }) });
    expect(swapped).toEqual([expect.objectContaining({ rule: 'sequence' })]);
  });
});

describe('request.soap-version', () => {
  it('applies to SOAP 1.1 contracts only', () => {
    expect([ebiz, crmcom, ixp].map((c) => soapVersion.appliesTo(c))).toEqual([true, false, false]);
  });

  it('fails the SOAP 1.2 content type, naming the version', async () => {
    expect(await run(soapVersion, ebiz)).toEqual([]);
    expect(await run(soapVersion, ebiz, { request: header('content-type', 'application/soap+xml; charset=utf-8') })).toEqual([
      expect.objectContaining({ rule: 'soap-version', path: 'header content-type', params: { version: '1.2' } }),
    ]);
  });
});

describe('request.rules', () => {
  it('applies when the contract has a request rule, stated or by default, and not for response rules alone', () => {
    const rule = { id: 'r', description: 'd', assert: 'true' };
    expect(requestRules.appliesTo(crmcom)).toBe(true);
    expect(requestRules.appliesTo({ ...centra, rules: [rule] })).toBe(true);
    expect(requestRules.appliesTo({ ...centra, rules: [{ ...rule, on: 'request' }] })).toBe(true);
    expect(requestRules.appliesTo({ ...centra, rules: [{ ...rule, on: 'response' }] })).toBe(false);
    expect(requestRules.appliesTo({ ...centra, rules: [] })).toBe(false);
    const { rules: _none, ...withoutRules } = centra;
    expect(requestRules.appliesTo(withoutRules)).toBe(false);
  });

  it('fails a recorded CRM.COM request with both cost and sub_total on an item (rule cost-or-sub-total)', async () => {
    const plain = crmcom.cases.find((c) => c.name === 'update-example-1');
    const negative = crmcom.cases.find((c) => c.name === 'cost-and-sub-total');
    if (plain === undefined || negative === undefined) throw new Error('crmcom lacks update-example-1 or cost-and-sub-total');
    expect(await run(requestRules, crmcom, { case: plain })).toEqual([]);
    // The negative case's request, recorded for a case that does not expect the rule to break.
    const both = await run(requestRules, crmcom, { case: { ...plain, input: negative.input } });
    expect(both).toEqual([expect.objectContaining({ rule: 'rule', params: expect.objectContaining({ rule: 'cost-or-sub-total' }) })]);
  });

  it("drops the rules a negative case breaks on purpose, as its expect.rules says", async () => {
    const negative = crmcom.cases.find((c) => c.name === 'cost-and-sub-total');
    if (negative === undefined) throw new Error('crmcom has no cost-and-sub-total case');
    expect(await run(requestRules, crmcom, { case: negative })).toEqual([]);
  });
});

describe('request.build', () => {
  it("fails a case whose input lacks a required value, and reports a negative case's expected rule that held", async () => {
    const id = centra.cases[0];
    if (id === undefined) throw new Error('centra has no case');
    expect(await run(buildFromInput, centra)).toEqual([]);
    const { invoice: _drop, ...noInvoice } = id.input;
    expect(await run(buildFromInput, centra, { case: { ...id, input: noInvoice } })).toContainEqual(expect.objectContaining({ rule: 'required', path: '/invoices/invoice/0/id' }));
    expect(await run(buildFromInput, centra, { case: { ...id, expect: { ...id.expect, rules: ['no-such-rule'] } } })).toEqual([
      expect.objectContaining({ rule: 'expected-rule-held', path: 'no-such-rule' }),
    ]);
  });
});

describe('request.vendor-version', () => {
  const since = (fields: FieldSpec[]): Contract => {
    const { since: _own, ...rest } = crmcom;
    return { ...rest, request: { ...crmcom.request, fields } };
  };
  const sending = (value: unknown) => (r: HttpRequest): HttpRequest => ({ ...r, body: JSON.stringify(value) });

  it('applies to a contract with a since on the operation, a field or a nested field, and not otherwise', () => {
    expect(vendorVersion.appliesTo(crmcom)).toBe(true);
    expect(vendorVersion.appliesTo(centra)).toBe(false);
    expect(vendorVersion.appliesTo({ ...centra, since: 'R1.0.0' })).toBe(true);
    expect(vendorVersion.appliesTo(since([{ name: 'a', type: 'string', since: 'R2.0.0' }]))).toBe(true);
    expect(vendorVersion.appliesTo(since([{ name: 'a', type: 'object', fields: [{ name: 'b', type: 'string', since: 'R2.0.0' }] }]))).toBe(true);
    expect(vendorVersion.appliesTo(since([{ name: 'a', type: 'object', fields: [{ name: 'b', type: 'string' }] }]))).toBe(false);
  });

  it('is skipped without --vendor-version, naming the vendor', async () => {
    expect(vendorVersion.run(await handBuiltCase(crmcom))).toEqual({ skip: 'no --vendor-version given for crmcom' });
  });

  it('passes at the version a feature appears in, and fails one release before it', async () => {
    const update = crmcom.cases.find((c) => c.name === 'update-example-1');
    const withCurrency: HandBuilt = { ...(update === undefined ? {} : { case: update }), request: (r) => ({ ...r, body: JSON.stringify({ ...JSON.parse(r.body), intended_currency_identifier: { code: 'EUR' } }) }) };
    expect(await run(vendorVersion, crmcom, { ...withCurrency, vendorVersion: 'R11.0.0' })).toEqual([]);
    expect(await run(vendorVersion, crmcom, { ...withCurrency, vendorVersion: 'R10.9.9' })).toEqual([
      {
        rule: 'since',
        path: '/intended_currency_identifier',
        severity: 'error',
        message: 'Received: intended_currency_identifier in a request for version R10.9.9 / Documented: intended_currency_identifier is available from R11.0.0. Leave it out for this version.',
      },
    ]);
    expect(await run(vendorVersion, crmcom, { vendorVersion: 'R9.1.0' })).toEqual([]);
    expect(await run(vendorVersion, crmcom, { vendorVersion: 'R9.0.9' })).toEqual([
      { rule: 'since', path: '/', severity: 'error', message: 'Received: a invoices_update request for version R9.0.9 / Documented: invoices_update is available from R9.1.0.' },
    ]);
  });

  it('finds a too-new field inside objects and inside every item of a repeated field, and ignores fields not sent', async () => {
    const contract = since([
      { name: 'items', type: 'object', repeated: true, fields: [{ name: 'code', type: 'string' }, { name: 'extra', type: 'string', since: 'R5.0.0' }] },
      { name: 'outer', type: 'object', fields: [{ name: 'inner', type: 'object', fields: [{ name: 'late', type: 'string', since: 'R5.0.0' }] }] },
      { name: 'unsent', type: 'string', since: 'R5.0.0' },
    ]);
    const found = await run(vendorVersion, contract, { vendorVersion: 'R4.0.0', request: sending({ items: [{ code: 'a' }, { code: 'b', extra: 'x' }], outer: { inner: { late: 'y' } } }) });
    expect(found.map((v) => (v as { path: string }).path)).toEqual(['/items/extra', '/outer/inner/late']);
    expect(await run(vendorVersion, contract, { vendorVersion: 'R4.0.0', request: sending({ items: [{ code: 'a' }], outer: null }) })).toEqual([]);
  });
});
