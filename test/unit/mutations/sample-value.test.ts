import { describe, expect, it } from 'vitest';
import { sampleObject, sampleValue } from '../../../src/mutations/sample-value.ts';
import { fieldsToSchema, type SchemaFlavor } from '../../../src/protocols/shared/fields-to-schema.ts';
import { validateSchema } from '../../../src/protocols/shared/validate-schema.ts';
import type { Violation } from '../../../src/model/violation.ts';
import type { FieldSpec } from '../../../src/types/contract.ts';

/** Validate `{ [field.name]: value }` against the schema the contract derives for a tree holding only this (required) field. */
function validateAlone(field: FieldSpec, flavor: SchemaFlavor, value: unknown): Violation[] {
  const fields = [{ ...field, required: true }];
  return validateSchema(fields, () => fieldsToSchema(fields, flavor), { [field.name]: value });
}

// Constraints as the shipped contracts declare them.
const CONSTRAINED: readonly FieldSpec[] = [
  { name: 'InvoiceNumber', type: 'string', maxLength: 20 },
  { name: 'name', type: 'string', minLength: 1 },
  { name: 'code', type: 'string', minLength: 3, maxLength: 3 },
  { name: 'email', type: 'string', format: 'email' },
  { name: 'action', type: 'string', enum: ['ADD', 'UPDATE', 'REMOVE'] },
  { name: 'unit_price', type: 'decimal', exclusiveMinimum: 0 },
  { name: 'retention', type: 'decimal', minimum: 0, maximum: 99.99 },
  { name: 'below', type: 'integer', maximum: -3 },
  { name: 'under', type: 'decimal', exclusiveMaximum: 0.5 },
  { name: 'ItemLineNumber', type: 'integer' },
  { name: 'PaidFlag', type: 'boolean' },
  { name: 'date', type: 'date', format: 'dd/mm/yyyy' },
  { name: 'InvoiceDate', type: 'date', format: 'mm/dd/yyyy' },
  { name: 'issueDate', type: 'date' },
  { name: 'due_on', type: 'datetime', format: 'iso-local' },
  { name: 'startedAt', type: 'datetime' },
  { name: 'InvoiceTimestamp', type: 'base64' },
  { name: 'client', type: 'object', fields: [{ name: 'name', type: 'string', required: true, minLength: 1 }, { name: 'email', type: 'string', format: 'email' }] },
];

describe('sampleValue', () => {
  describe.each<SchemaFlavor>(['xml', 'json'])('%s', (flavor) => {
    it.each(CONSTRAINED)('makes a value for $name ($type) that the derived schema accepts', (field) => {
      const value = sampleValue(field, flavor);
      expect(value).toBeDefined();
      expect(validateAlone(field, flavor, value)).toEqual([]);
    });
  });

  it('writes numbers and booleans as text for XML and as native values for JSON', () => {
    const price: FieldSpec = { name: 'unit_price', type: 'decimal', exclusiveMinimum: 0 };
    expect([sampleValue(price, 'xml'), sampleValue(price, 'json')]).toEqual(['1', 1]);
    expect([sampleValue({ name: 'PaidFlag', type: 'boolean' }, 'xml'), sampleValue({ name: 'PaidFlag', type: 'boolean' }, 'json')]).toEqual(['true', true]);
  });

  it('formats dates in the field format', () => {
    expect(sampleValue({ name: 'date', type: 'date', format: 'dd/mm/yyyy' }, 'xml')).toBe('25/04/2024');
    expect(sampleValue({ name: 'InvoiceDate', type: 'date', format: 'mm/dd/yyyy' }, 'xml')).toBe('04/25/2024');
  });

  it('sends a constant as it is, and makes no value for an arbitrary pattern', () => {
    expect(sampleValue({ name: 'kind', type: 'string', value: 'invoice' }, 'json')).toBe('invoice');
    expect(sampleValue({ name: 'serial', type: 'string', pattern: '^[A-Z]{3}-\\d+$' }, 'json')).toBeUndefined();
  });

  it('fills an object with its required children only, a repeated one as a one-item list', () => {
    const fields: FieldSpec[] = [
      { name: 'name', type: 'string', required: true },
      { name: 'email', type: 'string', format: 'email' },
      { name: 'item', type: 'object', repeated: true, required: true, fields: [{ name: 'quantity', type: 'decimal', required: true, exclusiveMinimum: 0 }] },
    ];
    expect(sampleObject(fields, 'json')).toEqual({ name: 'x', item: [{ quantity: 1 }] });
  });

  // A range narrower than the integers ((0, 1) here) must still get a sample inside it, or the field
  // would have no passing evidence and contract.coverage would report it uncovered.
  it('makes a value inside a range that holds no integer (exclusiveMinimum 0, exclusiveMaximum 1)', () => {
    const ratio: FieldSpec = { name: 'ratio', type: 'decimal', exclusiveMinimum: 0, exclusiveMaximum: 1 };
    expect(validateAlone(ratio, 'json', sampleValue(ratio, 'json'))).toEqual([]);
  });
});
