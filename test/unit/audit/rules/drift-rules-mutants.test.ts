import { beforeAll, describe, expect, it } from 'vitest';
import type { DriftFinding, DriftRule } from '../../../../src/audit/drift-rule.ts';
import type { Contract } from '../../../../src/types/contract.ts';
import { caseAdded } from '../../../../suites/audit/case-added.ts';
import { caseRemoved } from '../../../../suites/audit/case-removed.ts';
import { codeAdded } from '../../../../suites/audit/code-added.ts';
import { codeChanged } from '../../../../suites/audit/code-changed.ts';
import { contractViolation } from '../../../../suites/audit/contract-violation.ts';
import { fieldAdded } from '../../../../suites/audit/field-added.ts';
import { fieldEmptied } from '../../../../suites/audit/field-emptied.ts';
import { fieldMoved } from '../../../../suites/audit/field-moved.ts';
import { fieldRemoved } from '../../../../suites/audit/field-removed.ts';
import { fieldRenamed } from '../../../../suites/audit/field-renamed.ts';
import { fieldUnexpected } from '../../../../suites/audit/field-unexpected.ts';
import { formatChanged } from '../../../../suites/audit/format-changed.ts';
import { messageChanged } from '../../../../suites/audit/message-changed.ts';
import { namespaceChanged } from '../../../../suites/audit/namespace-changed.ts';
import { optionalAbsent } from '../../../../suites/audit/optional-absent.ts';
import { outcomeChanged } from '../../../../suites/audit/outcome-changed.ts';
import { reordered } from '../../../../suites/audit/reordered.ts';
import { sequenceBroken } from '../../../../suites/audit/sequence-broken.ts';
import { sequenceChanged } from '../../../../suites/audit/sequence-changed.ts';
import { fieldName } from '../../../../suites/audit/shared/field-name.ts';
import { visibleWhitespace } from '../../../../suites/audit/shared/visible-whitespace.ts';
import { statusChanged } from '../../../../suites/audit/status-changed.ts';
import { typeChanged } from '../../../../suites/audit/type-changed.ts';
import { valueChanged } from '../../../../suites/audit/value-changed.ts';
import { whitespaceChanged } from '../../../../suites/audit/whitespace-changed.ts';
import { loadValidContract } from '../../../helpers/prepare-contract.ts';
import { repoPath } from '../../../helpers/paths.ts';
import { pairOf, type SideInput } from './hand-built-pair.ts';

// Each drift rule run directly on a pair of hand-written responses, read, classified and diffed by
// the engine's own code (hand-built-pair.ts). Bodies follow the vendor docs' examples
// (vendor-docs/ebizcharge-UpdateInvoice.txt, crmcom-invoices_update.txt).

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const EBIZ = 'http://eBizCharge.ServiceModel.SOAP';
const ENV = `/{${SOAP}}Envelope/{${SOAP}}Body`;
const RESULT = `${ENV}/{${EBIZ}}UpdateInvoiceResponse/{${EBIZ}}UpdateInvoiceResult`;

/** An EBizCharge UpdateInvoice answer with these children of UpdateInvoiceResult. */
const ebizResult = (children: string, ns = EBIZ): SideInput => ({
  body: `<s:Envelope xmlns:s="${SOAP}"><s:Body><UpdateInvoiceResponse xmlns="${ns}"><UpdateInvoiceResult>${children}</UpdateInvoiceResult></UpdateInvoiceResponse></s:Body></s:Envelope>`,
});
const OK = '<InvoiceInternalId>a1b2-4d2a-ae98-c3d4</InvoiceInternalId><Status>Success</Status><StatusCode>1</StatusCode><Error/><ErrorCode>0</ErrorCode>';
const NOT_FOUND = '<Status>Error</Status><StatusCode>0</StatusCode><Error>Not Found </Error><ErrorCode>1</ErrorCode>';
const ERROR_3 = '<Status>Error</Status><StatusCode>0</StatusCode><Error>Invoice number missing</Error><ErrorCode>3</ErrorCode>';
const fault = (code: string, prefix = 's', text = 'Bad request'): SideInput => ({
  status: 500,
  body: `<${prefix}:Envelope xmlns:${prefix}="${SOAP}"><${prefix}:Body><${prefix}:Fault><faultcode>${code}</faultcode><faultstring>${text}</faultstring></${prefix}:Fault></${prefix}:Body></${prefix}:Envelope>`,
});
const json = (value: unknown, status = 200): SideInput => ({ status, body: JSON.stringify(value) });

let ebiz: Contract;
let crmcom: Contract;

beforeAll(async () => {
  ebiz = (await loadValidContract(repoPath('contracts/ebizcharge/UpdateInvoice.yaml'))).contract;
  crmcom = (await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml'))).contract;
});

async function detect(rule: DriftRule, contract: Contract | undefined, baseline: SideInput | undefined, current: SideInput | undefined): Promise<readonly DriftFinding[]> {
  return rule.detect(await pairOf(contract, baseline, current));
}

describe('drift.case-added and drift.case-removed', () => {
  it('report a case recorded on one side only, with its status and outcome', async () => {
    expect(await detect(caseAdded, ebiz, undefined, ebizResult(OK))).toEqual([{ path: 'ebizcharge/UpdateInvoice/case.har', after: 'HTTP 200 ok', message: expect.stringContaining('new') }]);
    expect(await detect(caseRemoved, ebiz, ebizResult(NOT_FOUND), undefined)).toEqual([{ path: 'ebizcharge/UpdateInvoice/case.har', before: 'HTTP 200 not_found', message: expect.stringContaining('baseline only') }]);
  });

  it('give only the status when no contract classifies the response', async () => {
    expect(await detect(caseAdded, undefined, undefined, json({ a: 1 }, 201))).toEqual([expect.objectContaining({ after: 'HTTP 201' })]);
    expect(await detect(caseRemoved, undefined, json({ a: 1 }, 404), undefined)).toEqual([expect.objectContaining({ before: 'HTTP 404' })]);
  });

  it('say nothing about a case recorded on both sides, or about the other direction', async () => {
    for (const rule of [caseAdded, caseRemoved]) expect(await detect(rule, ebiz, ebizResult(OK), ebizResult(OK))).toEqual([]);
    expect(await detect(caseAdded, ebiz, ebizResult(OK), undefined)).toEqual([]);
    expect(await detect(caseRemoved, ebiz, undefined, ebizResult(OK))).toEqual([]);
  });
});

describe('drift.status-changed', () => {
  it('reports another HTTP status with both codes', async () => {
    expect(await detect(statusChanged, ebiz, ebizResult(OK), { ...ebizResult(OK), status: 202 })).toEqual([
      { path: 'response.status', before: 200, after: 202, message: 'The vendor now answers HTTP 202 where it answered HTTP 200.' },
    ]);
  });

  it('says nothing for the same status or a one-sided case', async () => {
    expect(await detect(statusChanged, ebiz, ebizResult(OK), ebizResult(NOT_FOUND))).toEqual([]);
    expect(await detect(statusChanged, ebiz, undefined, ebizResult(OK))).toEqual([]);
    expect(await detect(statusChanged, ebiz, ebizResult(OK), undefined)).toEqual([]);
  });
});

describe('drift.outcome-changed', () => {
  it('reports another normalized outcome, naming the documented response now matched', async () => {
    expect(await detect(outcomeChanged, ebiz, ebizResult(OK), ebizResult(NOT_FOUND))).toEqual([
      { path: 'response.outcome', before: 'ok', after: 'not_found', message: expect.stringContaining('matches the documented response "update-not-found"') },
    ]);
  });

  it('says when the response now matches no documented response', async () => {
    const [found] = await detect(outcomeChanged, ebiz, ebizResult(OK), { ...ebizResult(OK), status: 503 });
    expect(found).toMatchObject({ before: 'ok', after: 'unknown' });
    expect(found?.message).toContain('matches no documented response');
    expect(found?.message).toContain('now classifies as unknown instead of ok');
  });

  it('says nothing for the same outcome, a one-sided case, or an unclassified pair', async () => {
    expect(await detect(outcomeChanged, ebiz, ebizResult(NOT_FOUND), ebizResult(NOT_FOUND.replace('<ErrorCode>1', '<ErrorCode>2')))).toEqual([]);
    expect(await detect(outcomeChanged, ebiz, ebizResult(OK), undefined)).toEqual([]);
    expect(await detect(outcomeChanged, ebiz, undefined, ebizResult(OK))).toEqual([]);
    expect(await detect(outcomeChanged, undefined, json({ a: 1 }), json({ a: 2 }, 500))).toEqual([]);
  });
});

describe('drift.code-changed', () => {
  it('reports another vendor code at the documented code path', async () => {
    expect(await detect(codeChanged, ebiz, ebizResult(NOT_FOUND), ebizResult(ERROR_3))).toEqual([
      { path: `${RESULT}/{${EBIZ}}ErrorCode`, before: '1', after: '3', message: expect.stringContaining('carries another vendor code') },
    ]);
  });

  it('reports a code that disappeared', async () => {
    const [found] = await detect(codeChanged, ebiz, ebizResult(NOT_FOUND), ebizResult(OK));
    expect(found).toMatchObject({ path: `${RESULT}/{${EBIZ}}ErrorCode`, before: '1', after: null });
    expect(found?.message).toContain('no longer carries a vendor code');
  });

  it('compares SOAP fault codes by namespace, not prefix, and ignores surrounding whitespace', async () => {
    expect(await detect(codeChanged, ebiz, fault('s:Client'), fault('soap:Client', 'soap'))).toEqual([]);
    expect(await detect(codeChanged, ebiz, fault('s:Client'), fault(' s:Client\n'))).toEqual([]);
    expect(await detect(codeChanged, ebiz, fault('s:Client'), fault('s:Server'))).toEqual([expect.objectContaining({ before: 's:Client', after: 's:Server' })]);
  });

  it('reads the code of an unclassified side where the other side documents it', async () => {
    expect(await detect(codeChanged, ebiz, ebizResult(NOT_FOUND), { ...ebizResult(NOT_FOUND), status: 503 })).toEqual([]);
    expect(await detect(codeChanged, ebiz, ebizResult(NOT_FOUND), { ...ebizResult(NOT_FOUND.replace('<ErrorCode>1', '<ErrorCode>7')), status: 503 })).toEqual([
      expect.objectContaining({ path: `${RESULT}/{${EBIZ}}ErrorCode`, before: '1', after: '7' }),
    ]);
    expect(await detect(codeChanged, ebiz, { ...ebizResult(NOT_FOUND), status: 503 }, ebizResult(NOT_FOUND.replace('<ErrorCode>1', '<ErrorCode>7')))).toEqual([
      expect.objectContaining({ before: '1', after: '7' }),
    ]);
  });

  it('reads an unclassified side\'s code as text whatever its JSON type or XML attributes, and an object as no code', async () => {
    const crm = (code: unknown, status = 200): SideInput => json({ status: { code, message: '', description: '' }, data: { id: 'INV1' } }, status);
    expect(await detect(codeChanged, crmcom, crm('OK'), crm(5, 503))).toEqual([expect.objectContaining({ path: '$.status.code', before: 'OK', after: '5' })]);
    expect(await detect(codeChanged, crmcom, crm('OK'), crm(true, 503))).toEqual([expect.objectContaining({ before: 'OK', after: 'true' })]);
    expect(await detect(codeChanged, crmcom, crm('OK'), crm({ value: 'OK' }, 503))).toEqual([expect.objectContaining({ before: 'OK', after: null })]);
    expect(await detect(codeChanged, crmcom, crm('OK'), crm('OK', 503))).toEqual([]);
    const attributed = ebizResult(NOT_FOUND.replace('<ErrorCode>1</ErrorCode>', '<ErrorCode kind="app">7</ErrorCode>'));
    expect(await detect(codeChanged, ebiz, ebizResult(NOT_FOUND), { ...attributed, status: 503 })).toEqual([expect.objectContaining({ before: '1', after: '7' })]);
  });

  it('reads no code from an unclassified side whose body is empty or unreadable', async () => {
    expect(await detect(codeChanged, crmcom, json({ status: { code: 'OK', message: '', description: '' }, data: { id: 'INV1' } }), { status: 503, body: '' })).toEqual([
      expect.objectContaining({ before: 'OK', after: null }),
    ]);
    expect(await detect(codeChanged, crmcom, json({ status: { code: 'OK', message: '', description: '' }, data: { id: 'INV1' } }), { status: 503, body: '{"status": {"code": "OK"' })).toEqual([
      expect.objectContaining({ before: 'OK', after: null }),
    ]);
  });

  it('says nothing where the baseline had no code, or for a one-sided case', async () => {
    expect(await detect(codeChanged, ebiz, ebizResult(OK), ebizResult(NOT_FOUND))).toEqual([]);
    expect(await detect(codeChanged, ebiz, ebizResult(NOT_FOUND), undefined)).toEqual([]);
    expect(await detect(codeChanged, ebiz, undefined, ebizResult(NOT_FOUND))).toEqual([]);
  });
});

describe('drift.code-added', () => {
  it('reports a vendor code where the baseline had none', async () => {
    expect(await detect(codeAdded, ebiz, ebizResult(OK), ebizResult(NOT_FOUND))).toEqual([
      { path: `${RESULT}/{${EBIZ}}ErrorCode`, after: '1', message: expect.stringContaining('now carries a vendor code') },
    ]);
  });

  it('says nothing when both or neither side carry a code, or for a one-sided case', async () => {
    expect(await detect(codeAdded, ebiz, ebizResult(NOT_FOUND), ebizResult(ERROR_3))).toEqual([]);
    expect(await detect(codeAdded, ebiz, ebizResult(OK), ebizResult(OK))).toEqual([]);
    expect(await detect(codeAdded, ebiz, ebizResult(NOT_FOUND), ebizResult(OK))).toEqual([]);
    expect(await detect(codeAdded, ebiz, undefined, ebizResult(NOT_FOUND))).toEqual([]);
    expect(await detect(codeAdded, ebiz, ebizResult(OK), undefined)).toEqual([]);
  });
});

describe('drift.message-changed', () => {
  it('reports another message, a new one and a lost one, quoting only the sides that have one', async () => {
    expect(await detect(messageChanged, ebiz, ebizResult(NOT_FOUND), ebizResult(ERROR_3))).toEqual([
      { path: `${RESULT}/{${EBIZ}}Error`, before: 'Not Found ', after: 'Invoice number missing', message: 'The vendor now sends another message.' },
    ]);
    expect(await detect(messageChanged, ebiz, ebizResult(OK), ebizResult(NOT_FOUND))).toEqual([
      { path: `${RESULT}/{${EBIZ}}Error`, after: 'Not Found ', message: 'The vendor now sends a message where it had none.' },
    ]);
    expect(await detect(messageChanged, ebiz, ebizResult(NOT_FOUND), ebizResult(OK))).toEqual([
      { path: `${RESULT}/{${EBIZ}}Error`, before: 'Not Found ', message: 'The vendor now sends no message where it had one.' },
    ]);
  });

  it('ignores a change in whitespace only (drift.whitespace-changed reports it) and one-sided cases', async () => {
    expect(await detect(messageChanged, ebiz, fault('s:Client', 's', 'Bad  request'), fault('s:Client', 's', ' Bad request\n'))).toEqual([]);
    expect(await detect(messageChanged, ebiz, fault('s:Client', 's', 'Bad request'), fault('s:Client', 's', 'Bad requests'))).toEqual([expect.objectContaining({ before: 'Bad request', after: 'Bad requests' })]);
    expect(await detect(messageChanged, ebiz, undefined, ebizResult(NOT_FOUND))).toEqual([]);
    expect(await detect(messageChanged, ebiz, ebizResult(NOT_FOUND), undefined)).toEqual([]);
  });

  it('says nothing when neither side carries a message', async () => {
    expect(await detect(messageChanged, ebiz, ebizResult(OK), { ...ebizResult(OK), status: 503 })).toEqual([]);
  });
});

describe('drift.field-removed and drift.optional-absent', () => {
  it('report a removed required field as breaking, naming the element', async () => {
    expect(await detect(fieldRemoved, ebiz, ebizResult(OK), ebizResult(OK.replace('<StatusCode>1</StatusCode>', '')))).toEqual([
      { path: `${RESULT}/{${EBIZ}}StatusCode`, at: expect.any(Array), before: '1', message: '<StatusCode> is gone (the contract requires it).' },
    ]);
    expect(await detect(optionalAbsent, ebiz, ebizResult(OK), ebizResult(OK.replace('<StatusCode>1</StatusCode>', '')))).toEqual([]);
  });

  it('report a removed undocumented field as breaking: integrations may rely on it', async () => {
    expect(await detect(fieldRemoved, ebiz, ebizResult(`${OK}<Extra>x</Extra>`), ebizResult(OK))).toEqual([
      expect.objectContaining({ path: `${RESULT}/{${EBIZ}}Extra`, message: '<Extra> is gone (the contract does not describe it, so integrations may rely on it).' }),
    ]);
    expect(await detect(optionalAbsent, ebiz, ebizResult(`${OK}<Extra>x</Extra>`), ebizResult(OK))).toEqual([]);
  });

  it('leave a removed optional field to drift.optional-absent (a warning)', async () => {
    const removed = ebizResult(OK.replace('<InvoiceInternalId>a1b2-4d2a-ae98-c3d4</InvoiceInternalId>', ''));
    expect(await detect(fieldRemoved, ebiz, ebizResult(OK), removed)).toEqual([]);
    expect(await detect(optionalAbsent, ebiz, ebizResult(OK), removed)).toEqual([
      { path: `${RESULT}/{${EBIZ}}InvoiceInternalId`, at: expect.any(Array), before: 'a1b2-4d2a-ae98-c3d4', message: expect.stringContaining('documents it as optional') },
    ]);
  });

  it('report one fewer item of a repeated field as optional-absent, not field-removed', async () => {
    const items = (n: number): SideInput => json({ items: Array.from({ length: n }, (_, i) => ({ id: `i${i}` })) });
    expect(await detect(fieldRemoved, undefined, items(2), items(1))).toEqual([]);
    expect(await detect(optionalAbsent, undefined, items(2), items(1))).toEqual([
      expect.objectContaining({ path: '$.items[1]', message: 'item 2 of items is gone: the repeated field has fewer items.' }),
    ]);
  });

  it('say nothing when nothing was removed', async () => {
    for (const rule of [fieldRemoved, optionalAbsent]) expect(await detect(rule, ebiz, ebizResult(OK), ebizResult(OK))).toEqual([]);
    expect(await detect(optionalAbsent, undefined, json({ a: 1 }), json({ a: 1, b: 2 }))).toEqual([]);
    expect(await detect(fieldRemoved, undefined, json({ a: 1 }), json({ a: 1, b: 2 }))).toEqual([]);
  });
});

describe('drift.field-added and drift.field-unexpected', () => {
  it('report a documented field that was added as info, saying how the contract documents it', async () => {
    const added = ebizResult(`<InvoiceNumber>INV-1</InvoiceNumber>${OK}`);
    expect(await detect(fieldAdded, ebiz, ebizResult(OK), added)).toEqual([
      { path: `${RESULT}/{${EBIZ}}InvoiceNumber`, at: expect.any(Array), after: 'INV-1', message: '<InvoiceNumber> is new: the contract documents it (optional).' },
    ]);
    expect(await detect(fieldUnexpected, ebiz, ebizResult(OK), added)).toEqual([]);
    const required = await detect(fieldAdded, ebiz, ebizResult(OK.replace('<StatusCode>1</StatusCode>', '')), ebizResult(OK));
    expect(required).toEqual([expect.objectContaining({ message: '<StatusCode> is new: the contract documents it (required).' })]);
  });

  it('report a field the closed structure does not allow once, as breaking field-unexpected', async () => {
    const extra = ebizResult(`${OK}<ErrorDetail>x</ErrorDetail>`);
    expect(await detect(fieldAdded, ebiz, ebizResult(OK), extra)).toEqual([]);
    const [found] = await detect(fieldUnexpected, ebiz, ebizResult(OK), extra);
    expect(found).toMatchObject({ path: `${RESULT}/{${EBIZ}}ErrorDetail`, after: 'x' });
    expect(found?.message).toMatch(/^<ErrorDetail> is new, and the contract's structure there is closed \(unexpected-element at .*ErrorDetail\)\.$/);
  });

  it('report an undescribed field where no contract closes the structure, and one more item of a repeated field', async () => {
    expect(await detect(fieldAdded, undefined, json({ a: 1 }), json({ a: 1, b: 2 }))).toEqual([
      expect.objectContaining({ path: '$.b', after: 2, message: 'b is new: the contract does not describe it.' }),
    ]);
    expect(await detect(fieldAdded, undefined, json({ items: [{ id: 'a' }] }), json({ items: [{ id: 'a' }, { id: 'b' }] }))).toEqual([
      expect.objectContaining({ path: '$.items[1]', message: 'item 2 of items is new: a repeated field has one more item.' }),
    ]);
    expect(await detect(fieldUnexpected, undefined, json({ items: [{ id: 'a' }] }), json({ items: [{ id: 'a' }, { id: 'b' }] }))).toEqual([]);
  });

  it('say nothing when nothing was added', async () => {
    for (const rule of [fieldAdded, fieldUnexpected]) expect(await detect(rule, ebiz, ebizResult(`${OK}<ErrorDetail>x</ErrorDetail>`), ebizResult(OK))).toEqual([]);
  });
});

describe('drift.contract-violation', () => {
  const result = (code: string): SideInput => ebizResult(OK.replace('<StatusCode>1</StatusCode>', `<StatusCode>${code}</StatusCode>`));

  it('reports an error violation the baseline did not have, with its rule', async () => {
    const found = await detect(contractViolation, crmcom, crmcomOk(), crmcomOk({ life_cycle_state: 'POSTED' }));
    expect(found).toEqual([expect.objectContaining({ after: 'rule', message: expect.stringContaining('updated-invoice-is-draft') })]);
  });

  it('does not repeat a violation the baseline already had, but tells two broken rules apart', async () => {
    expect(await detect(contractViolation, crmcom, crmcomOk({ life_cycle_state: 'POSTED' }), crmcomOk({ life_cycle_state: 'POSTED', notes: 'n' }))).toEqual([]);
    const other = await detect(contractViolation, crmcom, crmcomOk({ life_cycle_state: 'POSTED' }), crmcomOk({ life_cycle_state: 'POSTED', total_amount: 1e6 }));
    expect(other).toEqual([expect.objectContaining({ after: 'rule', message: expect.stringContaining('invoice-totals') })]);
  });

  it('leaves a violation explained by a breaking change of the same place to that change', async () => {
    // StatusCode is an xs:int: text there is a type change (drift.type-changed), not a second finding.
    expect(await detect(contractViolation, ebiz, result('1'), result('one'))).toEqual([]);
    // A removed required field is drift.field-removed.
    expect(await detect(contractViolation, ebiz, result('1'), ebizResult(OK.replace('<StatusCode>1</StatusCode>', '')))).toEqual([]);
    // An element the closed structure does not allow is drift.field-unexpected.
    expect(await detect(contractViolation, ebiz, result('1'), ebizResult(`${OK}<ErrorDetail>x</ErrorDetail>`))).toEqual([]);
  });

  it('leaves violations under a renamed, moved or re-namespaced element, or in a body of another kind, to those changes', async () => {
    expect(await detect(contractViolation, ebiz, result('1'), ebizResult(OK.replace(/InvoiceInternalId/g, 'InvoiceId')))).toEqual([]);
    expect(await detect(contractViolation, ebiz, result('1'), ebizResult(OK, 'urn:other'))).toEqual([]);
    expect(await detect(contractViolation, ebiz, result('1'), { body: '<s:Envelope' })).toEqual([]);
    // StatusCode moved into Error: its absence is the move; Error now holding an element is a new violation.
    const moved = await detect(contractViolation, ebiz, result('1'), ebizResult(OK.replace('<StatusCode>1</StatusCode>', '').replace('<Error/>', '<Error><StatusCode>1</StatusCode></Error>')));
    expect(moved).toEqual([expect.objectContaining({ after: 'type', path: '/UpdateInvoiceResponse/UpdateInvoiceResult/Error' })]);
  });

  it('reports violations that an emptied value, an extra item or a new order bring, since those changes are not breaking', async () => {
    expect(await detect(contractViolation, ebiz, result('1'), result(''))).toEqual([expect.objectContaining({ path: '/UpdateInvoiceResult/StatusCode', after: 'pattern' })]);
    expect(await detect(contractViolation, ebiz, result('1'), ebizResult(`${OK}<ErrorCode>0</ErrorCode>`))).toEqual([expect.objectContaining({ after: 'repeated' })]);
    expect(await detect(contractViolation, ebiz, result('1'), ebizResult(OK.replace('<Status>Success</Status><StatusCode>1</StatusCode>', '<StatusCode>1</StatusCode><Status>Success</Status>')))).toEqual([]);
  });

  it('reports a violation that is no breaking change (a value within its class that breaks a rule)', async () => {
    expect(await detect(contractViolation, crmcom, crmcomOk(), crmcomOk({ total_amount: 1e6 }))).toEqual([expect.objectContaining({ after: 'rule' })]);
  });

  it('leaves an undocumented response to drift.outcome-changed when the outcome changed, and reports it otherwise', async () => {
    expect(await detect(contractViolation, ebiz, ebizResult(OK), { ...ebizResult(OK), status: 503 })).toEqual([]);
    expect(await detect(contractViolation, ebiz, { ...ebizResult(OK), status: 502 }, { ...ebizResult(NOT_FOUND), status: 503 })).toEqual([]);
  });

  it('says nothing without a current classified side', async () => {
    expect(await detect(contractViolation, ebiz, ebizResult(OK), undefined)).toEqual([]);
    expect(await detect(contractViolation, undefined, json({ a: 1 }), json({ a: 'x' }))).toEqual([]);
    expect(await detect(contractViolation, ebiz, undefined, result('one'))).toEqual([expect.objectContaining({ path: '/UpdateInvoiceResult/StatusCode' })]);
  });
});

/** A CRM.COM update-ok answer (vendor-docs/crmcom-invoices_update.txt, Example 1 response, trimmed) with `data` changed. */
function crmcomOk(change: Record<string, unknown> = {}): SideInput {
  const item = { id: 'I1', quantity: 2, cost: 10, net_amount: 20, discount_percentage: 10, discount_amount: 2, sub_total: 18, vat_amount: 0 };
  const data = { id: 'INV1', life_cycle_state: 'DRAFT', net_amount: 20, discount_amount: 2, vat_amount: 0, total_amount: 18, invoice_item_set: [item], ...change };
  return json({ status: { message: '', description: '', code: 'OK' }, data });
}

describe('drift.field-renamed and drift.field-moved', () => {
  it('report a renamed field with the old and new names', async () => {
    expect(await detect(fieldRenamed, undefined, json({ a: { old_name: 'v' } }), json({ a: { new_name: 'v' } }))).toEqual([
      { path: '$.a.old_name', before: 'old_name', after: 'new_name', message: 'old_name is now new_name, with the same value; readers of the old name find nothing.' },
    ]);
    expect(await detect(fieldRenamed, ebiz, ebizResult(OK), ebizResult(OK.replace(/InvoiceInternalId/g, 'InvoiceId')))).toEqual([
      expect.objectContaining({ before: 'InvoiceInternalId', after: 'InvoiceId', message: expect.stringMatching(/^<InvoiceInternalId> is now <InvoiceId>/) }),
    ]);
  });

  it('report a field moved to another parent with its old and new paths', async () => {
    expect(await detect(fieldMoved, undefined, json({ a: { ref: 'R-1' }, b: {} }), json({ a: {}, b: { ref: 'R-1' } }))).toEqual([
      { path: '$.a.ref', before: '$.a.ref', after: '$.b.ref', message: 'ref moved to another parent with the same value; readers of the old path find nothing.' },
    ]);
  });

  it('say nothing for each other, or for an unchanged body', async () => {
    expect(await detect(fieldMoved, undefined, json({ a: { old_name: 'v' } }), json({ a: { new_name: 'v' } }))).toEqual([]);
    expect(await detect(fieldRenamed, undefined, json({ a: { ref: 'R-1' }, b: {} }), json({ a: {}, b: { ref: 'R-1' } }))).toEqual([]);
    for (const rule of [fieldMoved, fieldRenamed]) expect(await detect(rule, undefined, json({ a: 1 }), json({ a: 1 }))).toEqual([]);
  });
});

describe('drift.namespace-changed', () => {
  it('reports an element in another namespace URI with both URIs', async () => {
    const found = await detect(namespaceChanged, ebiz, ebizResult(OK), ebizResult(OK, 'http://eBizCharge.ServiceModel.SOAP/v2'));
    expect(found).toEqual([{ path: `${ENV}/{${EBIZ}}UpdateInvoiceResponse`, before: EBIZ, after: 'http://eBizCharge.ServiceModel.SOAP/v2', message: expect.stringMatching(/^<UpdateInvoiceResponse> \(and what it contains/) }]);
  });

  it('says nothing when only the prefix changed', async () => {
    expect(await detect(namespaceChanged, ebiz, fault('s:Client'), fault('soap:Client', 'soap'))).toEqual([]);
  });
});

describe('drift.type-changed and drift.format-changed', () => {
  it('report a whole body of another kind', async () => {
    expect(await detect(typeChanged, ebiz, ebizResult(OK), { body: '' })).toEqual([
      { path: 'response.body', before: 'xml', after: 'empty', message: 'The response body is now empty where it was xml; nothing below it was compared.' },
    ]);
  });

  it('report a number that became text, with both classes', async () => {
    const [found] = await detect(typeChanged, undefined, json({ total: 12.5 }), json({ total: 'twelve' }));
    expect(found).toMatchObject({ path: '$.total', before: 12.5, after: 'twelve' });
    expect(found?.message).toMatch(/^total changed type: .+ → .+\.$/);
  });

  it('report a date written in another format, not as a type change', async () => {
    const [found] = await detect(formatChanged, undefined, json({ due_on: '2014-11-05' }), json({ due_on: '05/11/2014' }));
    expect(found).toMatchObject({ path: '$.due_on', before: '2014-11-05', after: '05/11/2014' });
    expect(found?.message).toMatch(/^due_on changed format: .+ → .+\.$/);
    expect(await detect(typeChanged, undefined, json({ due_on: '2014-11-05' }), json({ due_on: '05/11/2014' }))).toEqual([]);
    expect(await detect(formatChanged, undefined, json({ total: 12.5 }), json({ total: 'twelve' }))).toEqual([]);
  });

  it('say nothing for another value of the same kind', async () => {
    for (const rule of [typeChanged, formatChanged]) expect(await detect(rule, undefined, json({ total: 12.5, due_on: '2014-11-05' }), json({ total: 13, due_on: '2015-01-01' }))).toEqual([]);
  });
});

describe('drift.sequence-broken and drift.sequence-changed', () => {
  const swapped = OK.replace('<Status>Success</Status><StatusCode>1</StatusCode>', '<StatusCode>1</StatusCode><Status>Success</Status>');

  it('report children of a SOAP response body out of order as a broken xs:sequence', async () => {
    const [found] = await detect(sequenceBroken, ebiz, ebizResult(OK), ebizResult(swapped));
    expect(found).toMatchObject({ path: RESULT, before: expect.stringContaining('Status, StatusCode'), after: expect.stringContaining('StatusCode, Status') });
    expect(found?.message).toContain('The children of <UpdateInvoiceResult> are in another order');
    expect(await detect(sequenceChanged, ebiz, ebizResult(OK), ebizResult(swapped))).toEqual([]);
  });

  it('report another order of plain XML children (no SOAP body) as a sequence change', async () => {
    const [found] = await detect(sequenceChanged, undefined, { body: '<r><a>1</a><b>2</b></r>' }, { body: '<r><b>2</b><a>1</a></r>' });
    expect(found).toMatchObject({ path: '/r', before: 'a, b', after: 'b, a' });
    expect(found?.message).toContain('The children of <r> are in another order');
    expect(await detect(sequenceBroken, undefined, { body: '<r><a>1</a><b>2</b></r>' }, { body: '<r><b>2</b><a>1</a></r>' })).toEqual([]);
  });

  it('treat the envelope itself (Header and Body swapped) as outside the ordered payload', async () => {
    const env = (inner: string): SideInput => ({ body: `<s:Envelope xmlns:s="${SOAP}">${inner}</s:Envelope>` });
    const body = `<s:Body><UpdateInvoiceResponse xmlns="${EBIZ}"><UpdateInvoiceResult>${OK}</UpdateInvoiceResult></UpdateInvoiceResponse></s:Body>`;
    const before = env(`<s:Header><h xmlns="urn:h">1</h></s:Header>${body}`);
    const after = env(`${body}<s:Header><h xmlns="urn:h">1</h></s:Header>`);
    expect(await detect(sequenceBroken, ebiz, before, after)).toEqual([]);
  });

  it('say nothing for the same order', async () => {
    for (const rule of [sequenceBroken, sequenceChanged]) expect(await detect(rule, ebiz, ebizResult(OK), ebizResult(OK))).toEqual([]);
  });
});

describe('drift.field-emptied', () => {
  it('reports a field that is still sent but empty', async () => {
    expect(await detect(fieldEmptied, ebiz, ebizResult(NOT_FOUND), ebizResult(NOT_FOUND.replace('<Error>Not Found </Error>', '<Error/>')))).toEqual([
      { path: `${RESULT}/{${EBIZ}}Error`, at: expect.any(Array), before: 'Not Found ', after: '', message: '<Error> is still sent but carries no value any more.' },
    ]);
    expect(await detect(fieldEmptied, undefined, json({ a: 'x' }), json({ a: null }))).toEqual([expect.objectContaining({ path: '$.a', before: 'x', after: null })]);
  });

  it('says nothing for another non-empty value', async () => {
    expect(await detect(fieldEmptied, undefined, json({ a: 'x' }), json({ a: 'y' }))).toEqual([]);
  });
});

describe('drift.whitespace-changed', () => {
  it("reports EBizCharge's \"Not Found \" losing its trailing space, with the whitespace shown", async () => {
    expect(await detect(whitespaceChanged, undefined, json({ Error: 'Not Found ' }), json({ Error: 'Not Found' }))).toEqual([
      { path: '$.Error', at: ['Error'], before: 'Not Found ', after: 'Not Found', message: 'Error differs only in whitespace: "Not Found␠" → "Not Found". Readers that compare the text exactly see another value.' },
    ]);
  });

  it('says nothing for another text, a non-text value, or whitespace that only changed into other whitespace', async () => {
    expect(await detect(whitespaceChanged, undefined, json({ e: 'Not Found ' }), json({ e: 'Missing' }))).toEqual([]);
    expect(await detect(whitespaceChanged, undefined, json({ e: 1 }), json({ e: 2 }))).toEqual([]);
    expect(await detect(whitespaceChanged, undefined, json({ e: 'a' }), json({ e: 2 }))).toEqual([]);
    expect(await detect(whitespaceChanged, undefined, json({ e: 1 }), json({ e: ' 1' }))).toEqual([]);
    expect(await detect(whitespaceChanged, undefined, json({ e: ' ' }), json({ e: '\t' }))).toEqual([]);
    expect(await detect(whitespaceChanged, undefined, json({ e: { x: 'a ' } }), json({ e: 'a' }))).toEqual([]);
  });

  it('shows leading and trailing spaces, tabs, line ends and other spaces, and keeps inner single spaces', () => {
    expect(visibleWhitespace(' a b\t')).toBe('"␠a b\\t"');
    expect(visibleWhitespace('\r\na\u00a0')).toBe('"\\r\\na\\u{a0}"');
    expect(visibleWhitespace('a\tb')).toBe('"a\\tb"');
    expect(visibleWhitespace('  ')).toBe('"␠␠"');
    expect(visibleWhitespace('')).toBe('""');
    expect(visibleWhitespace('x')).toBe('"x"');
  });
});

describe('drift.value-changed', () => {
  it('reports another value of the same kind at a field the contract does not declare volatile', async () => {
    expect(await detect(valueChanged, undefined, json({ total: 12.5 }), json({ total: 13 }))).toEqual([
      { path: '$.total', at: ['total'], before: 12.5, after: 13, message: expect.stringMatching(/^total has another value of the same kind\. If it changes on every call, declare it volatile/) },
    ]);
  });

  it("compares a volatile field (EBizCharge's generated InvoiceInternalId) by class only", async () => {
    expect(await detect(valueChanged, ebiz, ebizResult(OK), ebizResult(OK.replace('a1b2-4d2a-ae98-c3d4', 'ffff-4d2a-ae98-0000')))).toEqual([]);
    expect(await detect(valueChanged, ebiz, ebizResult(NOT_FOUND.replace('<Status>Error</Status>', '<Status>Error</Status><InvoiceInternalId>a</InvoiceInternalId>')), ebizResult(NOT_FOUND.replace('<Status>Error</Status>', '<Status>Error</Status><InvoiceInternalId>b</InvoiceInternalId>')))).toEqual([
      expect.objectContaining({ before: 'a', after: 'b' }),
    ]);
  });

  it('leaves the vendor code and message to their own rules, on either side', async () => {
    expect(await detect(valueChanged, ebiz, ebizResult(NOT_FOUND), ebizResult(NOT_FOUND.replace('<ErrorCode>1', '<ErrorCode>2')))).toEqual([]);
    expect(await detect(valueChanged, ebiz, { ...ebizResult(NOT_FOUND), status: 503 }, ebizResult(NOT_FOUND.replace('<ErrorCode>1', '<ErrorCode>2')))).toEqual([]);
    expect(await detect(valueChanged, ebiz, ebizResult(NOT_FOUND), { ...ebizResult(NOT_FOUND.replace('<ErrorCode>1', '<ErrorCode>2')), status: 503 })).toEqual([]);
  });

  it('leaves a value the contract refuses to drift.contract-violation', async () => {
    // StatusCode is an xs:int (WSDL): 99999999999 is out of its range, a contract violation at that very place.
    const code = (n: string): SideInput => ebizResult(OK.replace('<StatusCode>1</StatusCode>', `<StatusCode>${n}</StatusCode>`));
    expect(await detect(valueChanged, ebiz, code('1'), code('99999999999'))).toEqual([]);
    expect(await detect(valueChanged, ebiz, code('1'), code('2'))).toEqual([expect.objectContaining({ path: `${RESULT}/{${EBIZ}}StatusCode`, before: '1', after: '2' })]);
  });

  it('says nothing for a whitespace-only change, an emptied value or a type change', async () => {
    expect(await detect(valueChanged, undefined, json({ e: 'Not Found ' }), json({ e: 'Not Found' }))).toEqual([]);
    expect(await detect(valueChanged, undefined, json({ e: 'x' }), json({ e: null }))).toEqual([]);
    expect(await detect(valueChanged, undefined, json({ e: 1 }), json({ e: 'one' }))).toEqual([]);
    expect(await detect(valueChanged, undefined, json({ e: 1 }), json({ e: 1 }))).toEqual([]);
  });
});

describe('drift.reordered', () => {
  it('reports the same repeated items in another order, as baseline item numbers', async () => {
    expect(await detect(reordered, undefined, json({ items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }), json({ items: [{ id: 'c' }, { id: 'a' }, { id: 'b' }] }))).toEqual([
      { path: '$.items', before: '1, 2, 3', after: '3, 1, 2', message: expect.stringMatching(/^items: the same items in another order/) },
    ]);
  });

  it('says nothing for the same order', async () => {
    expect(await detect(reordered, undefined, json({ items: [1, 2] }), json({ items: [1, 2] }))).toEqual([]);
  });
});

describe('how findings name a field', () => {
  it('writes XML elements in angle brackets, attributes with @, mixed text, JSON members plainly and items by 1-based number', () => {
    expect(fieldName([`{${EBIZ}}Error`], 'xml')).toBe('<Error>');
    expect(fieldName([`{${EBIZ}}Error`], 'json')).toBe('Error');
    expect(fieldName([`{${EBIZ}}Item`, '@{urn:x}lang'], 'xml')).toBe('attribute @lang');
    expect(fieldName([`{${EBIZ}}Note`, '#text'], 'xml')).toBe('the text of <Note>');
    expect(fieldName(['items', 0], 'json')).toBe('item 1 of items');
    expect(fieldName([], 'json')).toBe('the body');
  });
});
