import { beforeAll, describe, expect, it } from 'vitest';
import type { DriftFinding, DriftRule } from '../../../../src/audit/drift-rule.ts';
import type { Contract } from '../../../../src/types/contract.ts';
import { codeChanged } from '../../../../suites/audit/code-changed.ts';
import { messageChanged } from '../../../../suites/audit/message-changed.ts';
import { whitespaceChanged } from '../../../../suites/audit/whitespace-changed.ts';
import { fieldName } from '../../../../suites/audit/shared/field-name.ts';
import { visibleWhitespace } from '../../../../suites/audit/shared/visible-whitespace.ts';
import { contractViolation } from '../../../../suites/audit/contract-violation.ts';
import { sequenceBroken } from '../../../../suites/audit/sequence-broken.ts';
import { sequenceChanged } from '../../../../suites/audit/sequence-changed.ts';
import { violationPlace } from '../../../../suites/audit/shared/unexpected.ts';
import { valueChanged } from '../../../../suites/audit/value-changed.ts';
import { loadValidContract } from '../../../helpers/prepare-contract.ts';
import { repoPath } from '../../../helpers/paths.ts';
import { pairOf, type SideInput } from './hand-built-pair.ts';

// More drift-rule cases on hand-written pairs (see drift-rules-mutants.test.ts), mostly about the
// helpers the rules share (suites/audit/shared/). Kept in their own file so that Stryker's
// incremental run keeps the results of the first file's tests.

let ixp: Contract;
let crmcom: Contract;

beforeAll(async () => {
  ixp = (await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'))).contract;
  crmcom = (await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml'))).contract;
});

async function detect(rule: DriftRule, contract: Contract | undefined, baseline: SideInput | undefined, current: SideInput | undefined): Promise<readonly DriftFinding[]> {
  return rule.detect(await pairOf(contract, baseline, current));
}

describe('which XML bodies count as an ordered xs:sequence', () => {
  it('treats an XML REST body (InvoiceXpress, no WSDL) as unordered even under a contract', async () => {
    const before: SideInput = { body: '<invoice><id>1</id><status>draft</status></invoice>', contentType: 'application/xml' };
    const after: SideInput = { body: '<invoice><status>draft</status><id>1</id></invoice>', contentType: 'application/xml' };
    expect(await detect(sequenceBroken, ixp, before, after)).toEqual([]);
    expect(await detect(sequenceChanged, ixp, before, after)).toEqual([expect.objectContaining({ path: '/invoice', before: 'id, status', after: 'status, id' })]);
  });
});

/** A CRM.COM update-ok answer (vendor-docs/crmcom-invoices_update.txt, Example 1 response, trimmed) with `data` changed. */
function crmcomOk(change: Record<string, unknown> = {}, status = 200): SideInput {
  const item = { id: 'I1', quantity: 2, cost: 10, net_amount: 20, discount_percentage: 10, discount_amount: 2, sub_total: 18, vat_amount: 0 };
  const data = { id: 'INV1', life_cycle_state: 'DRAFT', notes: 'n1', net_amount: 20, discount_amount: 2, vat_amount: 0, total_amount: 18, invoice_item_set: [item], ...change };
  return { status, body: JSON.stringify({ status: { message: '', description: '', code: 'OK' }, data }) };
}

describe('volatile fields (declared per documented response)', () => {
  it("compares CRM.COM's data.notes (declared volatile) by class only, but not a field whose name merely starts the same", async () => {
    expect(await detect(valueChanged, crmcom, crmcomOk(), crmcomOk({ notes: 'n2' }))).toEqual([]);
    expect(await detect(valueChanged, crmcom, crmcomOk({ notes_by: 'a' }), crmcomOk({ notes_by: 'b' }))).toEqual([expect.objectContaining({ path: '$.data.notes_by' })]);
  });

  it('declares every item of a repeated field volatile (data.invoice_item_set.id), whatever its index', async () => {
    const items = (id: string): Record<string, unknown> => ({ invoice_item_set: [{ id: 'I0', quantity: 1, cost: 10, net_amount: 10, discount_percentage: 0, discount_amount: 0, sub_total: 10, vat_amount: 0 }, { id, quantity: 1, cost: 10, net_amount: 10, discount_percentage: 0, discount_amount: 0, sub_total: 10, vat_amount: 0 }], net_amount: 20, discount_amount: 0, total_amount: 20 });
    expect(await detect(valueChanged, crmcom, crmcomOk(items('I1')), crmcomOk(items('I9')))).toEqual([]);
  });

  it('reads the declaration from whichever side matched the documented response', async () => {
    expect(await detect(valueChanged, crmcom, crmcomOk({}, 503), crmcomOk({ notes: 'n2' }))).toEqual([]);
    expect(await detect(valueChanged, crmcom, crmcomOk(), crmcomOk({ notes: 'n2' }, 503))).toEqual([]);
    expect(await detect(valueChanged, crmcom, crmcomOk({}, 503), crmcomOk({ notes: 'n2' }, 502))).toEqual([expect.objectContaining({ path: '$.data.notes' })]);
  });
});

describe('where a violation is', () => {
  it('drops array indices from a violation path, and nothing else', () => {
    const at = (path: string): string => violationPlace({ rule: 'type', path, message: '', severity: 'error' });
    expect(at('/Result/Items/0/Name')).toBe('Result/Items/Name');
    expect(at('/a/12/b/3')).toBe('a/b');
    expect(at('/a/1b/c2')).toBe('a/1b/c2');
    expect(at('/')).toBe('');
  });
});

describe('which breaking changes explain a contract violation of the same place', () => {
  const crm = (data: Record<string, unknown>): SideInput => ({ body: JSON.stringify({ status: { message: '', description: '', code: 'OK' }, data: { id: 'INV1', life_cycle_state: 'DRAFT', ...data } }) });

  it('a date in another format or of another type explains the pattern or type violation it brings (CRM.COM due_on, iso-local)', async () => {
    expect(await detect(contractViolation, crmcom, crm({ due_on: '2014-11-05T15:49:59' }), crm({ due_on: '05/11/2014' }))).toEqual([]);
    expect(await detect(contractViolation, crmcom, crm({ due_on: '2014-11-05T15:49:59' }), crm({ due_on: 5 }))).toEqual([]);
  });

  it('a removed required member explains its required violation, and only there', async () => {
    const withoutId: SideInput = { body: JSON.stringify({ status: { message: '', description: '', code: 'OK' }, data: { life_cycle_state: 'DRAFT' } }) };
    expect(await detect(contractViolation, crmcom, crm({}), withoutId)).toEqual([]);
    const [found] = await detect(contractViolation, crmcom, crm({ notes: 'n' }), { body: JSON.stringify({ status: { message: '', description: '', code: 'OK' }, data: { life_cycle_state: 'DRAFT', due_on: 5 } }) });
    expect(found).toMatchObject({ path: '/data/due_on', after: 'type' });
  });
});

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const EBIZ = 'http://eBizCharge.ServiceModel.SOAP';
const NOT_FOUND: SideInput = {
  body: `<s:Envelope xmlns:s="${SOAP}"><s:Body><UpdateInvoiceResponse xmlns="${EBIZ}"><UpdateInvoiceResult><Status>Error</Status><StatusCode>0</StatusCode><Error>Not Found </Error><ErrorCode>1</ErrorCode></UpdateInvoiceResult></UpdateInvoiceResponse></s:Body></s:Envelope>`,
};

describe('the vendor message and code of a side that matched no documented response', () => {
  it('reads the message where the other side documents it, so an unchanged message is not reported on either side', async () => {
    const ebiz = (await loadValidContract(repoPath('contracts/ebizcharge/UpdateInvoice.yaml'))).contract;
    expect(await detect(messageChanged, ebiz, NOT_FOUND, { ...NOT_FOUND, status: 503 })).toEqual([]);
    expect(await detect(messageChanged, ebiz, { ...NOT_FOUND, status: 503 }, NOT_FOUND)).toEqual([]);
  });

  it('reads a JSON code that is a number or a boolean as its text', async () => {
    // A CRM.COM contract that documents the OK answer only: any other code matches nothing.
    const okOnly: Contract = { ...crmcom, responses: crmcom.responses.filter((r) => r.name === 'update-ok') };
    const crm = (code: unknown): SideInput => ({ body: JSON.stringify({ status: { code, message: '', description: '' }, data: { id: 'INV1' } }) });
    expect(await detect(codeChanged, okOnly, crm('OK'), crm(5))).toEqual([expect.objectContaining({ before: 'OK', after: '5' })]);
    expect(await detect(codeChanged, okOnly, crm('OK'), crm(false))).toEqual([expect.objectContaining({ before: 'OK', after: 'false' })]);
  });
});

describe('whitespace-only changes', () => {
  it('count a space added in front as whitespace only, and not as another value', async () => {
    const before: SideInput = { body: JSON.stringify({ e: 'Not Found' }) };
    const after: SideInput = { body: JSON.stringify({ e: ' Not Found' }) };
    expect(await detect(whitespaceChanged, undefined, before, after)).toEqual([expect.objectContaining({ path: '$.e', before: 'Not Found', after: ' Not Found' })]);
    expect(await detect(valueChanged, undefined, before, after)).toEqual([]);
  });

  it('show every trailing space', () => {
    expect(visibleWhitespace('a  ')).toBe('"a␠␠"');
    expect(visibleWhitespace('  a')).toBe('"␠␠a"');
  });
});

describe('names of nested fields', () => {
  it('names an item or the text of an element by its direct parent', () => {
    expect(fieldName(['data', 'items', 1], 'json')).toBe('item 2 of items');
    expect(fieldName([`{${EBIZ}}Result`, `{${EBIZ}}Note`, '#text'], 'xml')).toBe('the text of <Note>');
  });
});

describe('warnings are no contract violation', () => {
  it('reports a broken response rule of severity error, and not one of severity warning', async () => {
    const rule = (severity: 'error' | 'warning'): Contract => ({
      ...crmcom,
      rules: [...(crmcom.rules ?? []).filter((r) => r.on !== 'response'), { id: 'first-invoice', description: 'the invoice is INV1', on: 'response', severity, assert: "data.id = 'INV1'" }],
    });
    const crm = (id: string): SideInput => ({ body: JSON.stringify({ status: { message: '', description: '', code: 'OK' }, data: { id, life_cycle_state: 'DRAFT' } }) });
    expect(await detect(contractViolation, rule('error'), crm('INV1'), crm('INV2'))).toEqual([expect.objectContaining({ after: 'rule' })]);
    expect(await detect(contractViolation, rule('warning'), crm('INV1'), crm('INV2'))).toEqual([]);
  });
});
