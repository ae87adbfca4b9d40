import { beforeAll, describe, expect, it } from 'vitest';
import { mapFields, type MappingContext } from '../../../src/mapping/map-fields.ts';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import { CENTRA_CONTRACT } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';

const ctx: MappingContext = { credentials: { username: 'demo', password: 'pw' } };

describe('mapFields on the Centra request', () => {
  let contract: Contract;
  beforeAll(async () => {
    ({ contract } = await loadValidContract(CENTRA_CONTRACT));
  });

  function invoiceOf(input: unknown): Record<string, unknown> {
    const mapped = mapFields(contract.request.fields, input, { credentials: exampleCredentials(contract) });
    const invoices = mapped.value['invoices'] as { invoice: Record<string, unknown>[] };
    const [invoice] = invoices.invoice;
    if (invoice === undefined) throw new Error('no invoice element');
    return invoice;
  }

  it('maps a case input onto vendor field names, in field order, with credentials in login', () => {
    const input = contract.cases.find((c) => c.name === 'update-ok')?.input;
    const mapped = mapFields(contract.request.fields, input, { credentials: exampleCredentials(contract) });
    expect(mapped.violations).toEqual([]);
    expect(mapped.value['login']).toEqual({ username: 'demo', password: 'demo' });
    const invoice = invoiceOf(input);
    expect(Object.keys(invoice).slice(0, 4)).toEqual(['id', 'store', 'status', 'serialno']);
    expect(invoice).toMatchObject({ id: '1001', serialno: 'INV-1001', currency: 'EUR', invoicedate: '2024-04-25', ponumber: 'PO-77' });
  });

  it('reports a missing required value as required, naming the vendor field path and the canonical from to set', () => {
    const mapped = mapFields(contract.request.fields, { currency: 'EUR' }, { credentials: exampleCredentials(contract) });
    expect(mapped.violations).toEqual([
      {
        rule: 'required',
        path: '/invoices/invoice/0/id',
        message: 'Received: no value / Documented: invoices.invoice[].id is required (string). Fix: set "invoice.id" in the input.',
        severity: 'error',
        params: { field: 'id' },
      },
    ]);
  });

  it('still builds the required invoice element around the missing id', () => {
    expect(invoiceOf({ currency: 'EUR' })).toEqual({ currency: 'EUR' });
  });

  it('omits optional objects that get nothing from the input', () => {
    const invoice = invoiceOf({ invoice: { id: '1002' }, totals: { total: '80.00' } });
    expect(invoice).toEqual({ id: '1002', total: '80.00' });
    expect(invoice).not.toHaveProperty('billingaddress');
    expect(invoice).not.toHaveProperty('items');
  });

  it('gives one repeated element per item of a repeated from array, in input order', () => {
    const items = [
      { id: '1', sku: 'A', quantity: 1 },
      { id: '2', sku: 'B', quantity: 2 },
      { id: '3', sku: 'C', quantity: '3.5' },
    ];
    const invoice = invoiceOf({ invoice: { id: '1' }, items });
    expect(invoice['items']).toEqual({
      invoiceitem: [
        { itemid: '1', qty: 1, sku: 'A' },
        { itemid: '2', qty: 2, sku: 'B' },
        { itemid: '3', qty: '3.5', sku: 'C' },
      ],
    });
  });

  it('gives a one-element array for a single item, so one and many items have the same shape', () => {
    const invoice = invoiceOf({ invoice: { id: '1' }, items: [{ sku: 'A' }] });
    expect(invoice['items']).toEqual({ invoiceitem: [{ sku: 'A' }] });
  });

  it('maps a nested from object onto its own relative paths', () => {
    const invoice = invoiceOf({ invoice: { id: '1' }, shippingAddress: { line1: 'Main St 1', postalCode: '12345' } });
    expect(invoice['shippingaddress']).toEqual({ address1: 'Main St 1', zipcode: '12345' });
  });
});

describe('mapFields with declared formats and transforms', () => {
  const dates: FieldSpec[] = [
    { name: 'DueDate', type: 'date', format: 'dd/mm/yyyy', from: 'dueDate' },
    { name: 'InvoiceDate', type: 'date', format: 'mm/dd/yyyy', from: 'issueDate' },
    { name: 'ShipDate', type: 'date', from: 'shipDate' },
    { name: 'Timestamp', type: 'datetime', format: 'iso-local', from: 'orderDate' },
  ];

  it('formats date and datetime fields into their declared formats', () => {
    const mapped = mapFields(dates, { dueDate: '2024-05-09', issueDate: '2024-05-09', shipDate: '2024-05-09T10:00:00Z', orderDate: '2024-05-09T10:11:12Z' }, ctx);
    expect(mapped.violations).toEqual([]);
    expect(mapped.value).toEqual({ DueDate: '09/05/2024', InvoiceDate: '05/09/2024', ShipDate: '2024-05-09', Timestamp: '2024-05-09T10:11:12' });
  });

  it('reports a date that is not ISO as mapping-date, naming the input path', () => {
    const mapped = mapFields(dates, { dueDate: '9 May 2024' }, ctx);
    expect(mapped.value).toEqual({});
    expect(mapped.violations).toEqual([expect.objectContaining({ rule: 'mapping-date', path: '/DueDate' })]);
    expect(mapped.violations[0]?.message).toContain('"dueDate"');
  });

  it('applies named transforms in order to mapped strings', () => {
    const fields: FieldSpec[] = [
      { name: 'Currency', type: 'string', from: 'currency', transform: ['trim', 'upper'] },
      { name: 'Email', type: 'string', from: 'customer.email', transform: ['lower'] },
    ];
    expect(mapFields(fields, { currency: ' eur ', customer: { email: 'Ada@Example.COM' } }, ctx).value).toEqual({ Currency: 'EUR', Email: 'ada@example.com' });
  });

  it('uses constants, defaults and credentials, and does not count them as input', () => {
    const fields: FieldSpec[] = [
      { name: 'Version', type: 'string', value: '2' },
      { name: 'Currency', type: 'string', from: 'currency', default: 'EUR' },
      { name: 'Key', type: 'string', credential: 'password' },
    ];
    const mapped = mapFields(fields, {}, ctx);
    expect(mapped.value).toEqual({ Version: '2', Currency: 'EUR', Key: 'pw' });
    expect(mapped.fromInput).toBe(false);
  });

  it('reports a required credential that was not given as required, with no input path to set', () => {
    const fields: FieldSpec[] = [{ name: 'Key', type: 'string', required: true, credential: 'apiKey' }];
    const mapped = mapFields(fields, {}, ctx);
    expect(mapped.violations).toEqual([expect.objectContaining({ rule: 'required', path: '/Key', message: 'Received: no value / Documented: Key is required (string).' })]);
  });

  it('reports an object given where a scalar is documented as mapping-type', () => {
    const fields: FieldSpec[] = [{ name: 'Customer', type: 'string', from: 'customer' }];
    const mapped = mapFields(fields, { customer: { id: '7' } }, ctx);
    expect(mapped.violations).toEqual([expect.objectContaining({ rule: 'mapping-type', path: '/Customer' })]);
  });

  it('omits an optional object with no input and does not report its required children', () => {
    const fields: FieldSpec[] = [
      { name: 'Id', type: 'string', required: true, from: 'invoice.id' },
      { name: 'Customer', type: 'object', from: 'customer', fields: [{ name: 'Code', type: 'string', required: true, from: 'id' }, { name: 'Kind', type: 'string', value: 'B2B' }] },
    ];
    const mapped = mapFields(fields, { invoice: { id: '1' } }, ctx);
    expect(mapped).toEqual({ value: { Id: '1' }, violations: [], fromInput: true });
  });

  it('reports the required child of an optional object that does get input', () => {
    const fields: FieldSpec[] = [
      { name: 'Customer', type: 'object', from: 'customer', fields: [{ name: 'Code', type: 'string', required: true, from: 'id' }, { name: 'Name', type: 'string', from: 'name' }] },
    ];
    const mapped = mapFields(fields, { customer: { name: 'Ada' } }, ctx);
    expect(mapped.value).toEqual({ Customer: { Name: 'Ada' } });
    expect(mapped.violations).toEqual([expect.objectContaining({ rule: 'required', path: '/Customer/Code' })]);
    expect(mapped.violations[0]?.message).toContain('Fix: set "id" in the input.');
  });

  it('names the item index in the path of a violation inside a repeated from array', () => {
    const fields: FieldSpec[] = [
      { name: 'Line', type: 'object', repeated: true, from: 'items', fields: [{ name: 'Sku', type: 'string', required: true, from: 'sku' }] },
    ];
    const mapped = mapFields(fields, { items: [{ sku: 'A' }, { name: 'no sku' }] }, ctx);
    expect(mapped.value).toEqual({ Line: [{ Sku: 'A' }, {}] });
    expect(mapped.violations).toEqual([expect.objectContaining({ rule: 'required', path: '/Line/1/Sku' })]);
    expect(mapped.violations[0]?.message).toContain('Line[].Sku is required');
  });

  // Engine bug: an empty array for a required repeated field maps to `[]` (no element is sent)
  // with no violation, while the same field with the array absent gets one element.
  it('reports a required repeated field mapped from an empty array as required', () => {
    const fields: FieldSpec[] = [
      { name: 'Line', type: 'object', required: true, repeated: true, from: 'items', fields: [{ name: 'Sku', type: 'string', from: 'sku' }] },
    ];
    const mapped = mapFields(fields, { items: [] }, ctx);
    expect(mapped.violations).toEqual([expect.objectContaining({ rule: 'required', path: '/Line' })]);
  });
});
