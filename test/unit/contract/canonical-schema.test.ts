import { describe, expect, it } from 'vitest';
import { canonicalItemOf, canonicalNodeAt, validateCanonical } from '../../../src/contract/canonical-schema.ts';

describe('canonicalNodeAt', () => {
  it('finds nested paths of the canonical update model', () => {
    expect(canonicalNodeAt(undefined, 'invoice.id')).toMatchObject({ type: 'string' });
    expect(canonicalNodeAt(undefined, 'billingAddress.postalCode')).toMatchObject({ type: 'string' });
  });

  it('gives undefined for a path the model does not have', () => {
    expect(canonicalNodeAt(undefined, 'invoice.identifier')).toBeUndefined();
    expect(canonicalNodeAt(undefined, 'customer.address.line1')).toBeUndefined();
  });

  it('resolves item paths relative to an array item', () => {
    const items = canonicalNodeAt(undefined, 'items');
    if (items === undefined) throw new Error('items not found');
    const item = canonicalItemOf(items);
    expect(canonicalNodeAt(item, 'unitPrice')).toBeDefined();
    expect(canonicalNodeAt(item, 'unitCost')).toBeUndefined();
  });

  it('accepts any key under free-form extensions', () => {
    expect(canonicalNodeAt(undefined, 'extensions.udf_region')).toBeDefined();
  });
});

describe('validateCanonical', () => {
  it('accepts a Centra case input', () => {
    expect(validateCanonical({ invoice: { id: '1001' }, totals: { total: '120.00' }, issueDate: '2024-04-25' })).toEqual([]);
  });

  it('names an unknown key with its instance path', () => {
    const errors = validateCanonical({ invoice: { id: '1', colour: 'red' } });
    expect(errors).toEqual([expect.objectContaining({ keyword: 'additionalProperties', instancePath: '/invoice', params: { additionalProperty: 'colour' } })]);
  });

  it('rejects a date that is not ISO', () => {
    expect(validateCanonical({ issueDate: '25/04/2024' })).toEqual([expect.objectContaining({ instancePath: '/issueDate', keyword: 'pattern' })]);
  });
});
