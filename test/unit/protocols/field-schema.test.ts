import { beforeAll, describe, expect, it } from 'vitest';
import { fieldsToSchema, type SchemaFlavor } from '../../../src/protocols/shared/fields-to-schema.ts';
import { validateSchema } from '../../../src/protocols/shared/validate-schema.ts';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

/** The named top-level field of a contract's request. */
function requestField(contract: Contract, name: string): FieldSpec {
  const field = contract.request.fields.find((f) => f.name === name);
  if (field === undefined) throw new Error(`${contract.id} has no request field ${name}`);
  return field;
}

/** Validate `data` against the schema derived from these fields alone (each call a fresh key, so nothing is shared). */
function validate(fields: readonly FieldSpec[], flavor: SchemaFlavor, data: unknown): Violation[] {
  return validateSchema([...fields], () => fieldsToSchema(fields, flavor), data);
}

describe('field schemas derived from the contracts', () => {
  let invoicexpress: Contract;
  let crmcom: Contract;

  beforeAll(async () => {
    ({ contract: invoicexpress } = await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml')));
    ({ contract: crmcom } = await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml')));
  });

  describe('InvoiceXpress retention (decimal, minimum 0, maximum 99.99), as XML text', () => {
    it.each(['0', '5', '99.99'])('accepts %s, the bounds being inclusive', (value) => {
      expect(validate([requestField(invoicexpress, 'retention')], 'xml', { retention: value })).toEqual([]);
    });

    it.each(['-0.01', '100', '-1'])('fails %s as out of range', (value) => {
      expect(validate([requestField(invoicexpress, 'retention')], 'xml', { retention: value })).toEqual([
        expect.objectContaining({ rule: 'range', severity: 'error', path: '/retention' }),
      ]);
    });

    it('fails text that is not a decimal by its pattern, not its range', () => {
      expect(validate([requestField(invoicexpress, 'retention')], 'xml', { retention: 'five' })).toEqual([
        expect.objectContaining({ rule: 'pattern', path: '/retention' }),
      ]);
    });
  });

  describe('InvoiceXpress retention as a JSON number', () => {
    it('accepts the inclusive bounds 0 and 99.99 and fails -0.01 and 100', () => {
      const field = requestField(invoicexpress, 'retention');
      expect(validate([field], 'json', { retention: 0 })).toEqual([]);
      expect(validate([field], 'json', { retention: 99.99 })).toEqual([]);
      expect(validate([field], 'json', { retention: -0.01 })).toEqual([expect.objectContaining({ rule: 'minimum', path: '/retention' })]);
      expect(validate([field], 'json', { retention: 100 })).toEqual([expect.objectContaining({ rule: 'maximum', path: '/retention' })]);
    });
  });

  describe('InvoiceXpress item unit_price (exclusiveMinimum 0)', () => {
    const unitPrice = (): FieldSpec => {
      const item = requestField(invoicexpress, 'items').fields?.find((f) => f.name === 'item');
      const field = item?.fields?.find((f) => f.name === 'unit_price');
      if (field === undefined) throw new Error('no items/item/unit_price');
      return field;
    };

    it('fails 0, the bound being exclusive, and accepts 0.01', () => {
      expect(validate([unitPrice()], 'xml', { unit_price: '0' })).toEqual([expect.objectContaining({ rule: 'range', path: '/unit_price' })]);
      expect(validate([unitPrice()], 'xml', { unit_price: '0.01' })).toEqual([]);
      expect(validate([unitPrice()], 'json', { unit_price: 0 })).toEqual([expect.objectContaining({ rule: 'exclusiveMinimum', path: '/unit_price' })]);
      expect(validate([unitPrice()], 'json', { unit_price: 0.01 })).toEqual([]);
    });
  });

  describe('nillable fields', () => {
    it('fails null for the CRM.COM token, which is required and not nillable', () => {
      expect(validate([requestField(crmcom, 'token')], 'json', { token: null })).toEqual([
        expect.objectContaining({ rule: 'type', severity: 'error', path: '/token' }),
      ]);
    });

    it('fails null for an optional field that is not nillable (CRM.COM invoice_identifier.number)', () => {
      const identifier = requestField(crmcom, 'invoice_identifier');
      expect(validate([identifier], 'json', { invoice_identifier: { number: null } })).toEqual([
        expect.objectContaining({ rule: 'type', path: '/invoice_identifier/number' }),
      ]);
    });

    it('accepts null for the nillable status message of a CRM.COM response, and still fails a number there', () => {
      const status = crmcom.responses.flatMap((r) => r.fields ?? []).find((f) => f.name === 'status');
      if (status === undefined) throw new Error('no response status field');
      expect(validate([status], 'json', { status: { code: 'OK', message: null } })).toEqual([]);
      expect(validate([status], 'json', { status: { code: 'OK', message: 7 } })).toEqual([
        expect.objectContaining({ rule: 'type', path: '/status/message' }),
      ]);
    });
  });

  describe('required, unexpected, enumerated and typed fields (CRM.COM invoice_item_set, JSON)', () => {
    const items = (): FieldSpec[] => [requestField(crmcom, 'invoice_item_set')];

    it('accepts an item with a documented action and fails one without its required action', () => {
      expect(validate(items(), 'json', { invoice_item_set: [{ action: 'add' }] })).toEqual([]);
      expect(validate(items(), 'json', { invoice_item_set: [{}] })).toEqual([
        expect.objectContaining({ rule: 'required', path: '/invoice_item_set/0/action' }),
      ]);
    });

    it('fails an action outside the documented values and a field the item does not document', () => {
      expect(validate(items(), 'json', { invoice_item_set: [{ action: 'replace' }] })).toEqual([
        expect.objectContaining({ rule: 'enum', path: '/invoice_item_set/0/action' }),
      ]);
      expect(validate(items(), 'json', { invoice_item_set: [{ action: 'add', colour: 'red' }] })).toEqual([
        expect.objectContaining({ rule: 'unexpected-field', path: '/invoice_item_set/0/colour' }),
      ]);
    });

    it('fails a single item where the contract documents a list', () => {
      expect(validate(items(), 'json', { invoice_item_set: { action: 'add' } })).toEqual([
        expect.objectContaining({ rule: 'type', path: '/invoice_item_set' }),
      ]);
    });
  });

  it('accepts any member of an open object (the CRM.COM response data) besides its required id, but still requires an object', () => {
    const data = crmcom.responses.flatMap((r) => r.fields ?? []).find((f) => f.name === 'data' && f.open === true);
    if (data === undefined) throw new Error('no open data field');
    expect(validate([data], 'json', { data: { id: 'INV-1', anything: 1, nested: { x: true } } })).toEqual([]);
    expect(validate([data], 'json', { data: 'text' })).toEqual([expect.objectContaining({ rule: 'type', path: '/data' })]);
  });

  it('counts the 20-character limit of the OpsPlanning InvoiceNumber', async () => {
    const { contract } = await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'));
    const parameters = requestField(contract, 'request').fields?.find((f) => f.name === 'Parameters');
    const number = parameters?.fields?.find((f) => f.name === 'InvoiceNumber');
    if (number === undefined) throw new Error('no InvoiceNumber');
    expect(validate([number], 'xml', { InvoiceNumber: 'I'.repeat(20) })).toEqual([]);
    expect(validate([number], 'xml', { InvoiceNumber: 'I'.repeat(21) })).toEqual([expect.objectContaining({ rule: 'maxLength', path: '/InvoiceNumber' })]);
  });

  it('reads XML booleans as true, false, 1 or 0 and JSON booleans only as true or false', async () => {
    const { contract } = await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'));
    const paid = requestField(contract, 'request').fields?.find((f) => f.name === 'Parameters')?.fields?.find((f) => f.name === 'PaidFlag');
    if (paid === undefined) throw new Error('no PaidFlag');
    for (const value of ['true', 'false', '1', '0']) expect(validate([paid], 'xml', { PaidFlag: value })).toEqual([]);
    expect(validate([paid], 'xml', { PaidFlag: 'yes' })).toEqual([expect.objectContaining({ rule: 'pattern', path: '/PaidFlag' })]);
    expect(validate([paid], 'json', { PaidFlag: true })).toEqual([]);
    expect(validate([paid], 'json', { PaidFlag: 'true' })).toEqual([expect.objectContaining({ rule: 'type', path: '/PaidFlag' })]);
  });

  it('reads the InvoiceXpress date in its documented dd/mm/yyyy form only', () => {
    const date = requestField(invoicexpress, 'date');
    expect(validate([date], 'xml', { date: '19/10/2009' })).toEqual([]);
    expect(validate([date], 'xml', { date: '2009-10-19' })).toEqual([expect.objectContaining({ rule: 'pattern', path: '/date' })]);
  });
});
