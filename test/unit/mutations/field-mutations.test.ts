import { describe, expect, it } from 'vitest';
import { fieldMutations } from '../../../src/mutations/field-mutations.ts';
import type { FieldSpec } from '../../../src/types/contract.ts';

// Each field is written as the shipped contract declares it (the comment names where).
const INVOICE_NUMBER: FieldSpec = { name: 'InvoiceNumber', type: 'string', required: true, maxLength: 20 }; // OpsPlanning
const ACTION: FieldSpec = { name: 'action', type: 'string', required: true, enum: ['ADD', 'UPDATE', 'REMOVE', 'add', 'update', 'remove'] }; // CRM.COM item
const UNIT_PRICE: FieldSpec = { name: 'unit_price', type: 'decimal', required: true, exclusiveMinimum: 0 }; // InvoiceXpress item
const CLIENT_EMAIL: FieldSpec = { name: 'email', type: 'string', format: 'email' }; // InvoiceXpress client

describe('fieldMutations', () => {
  it('deletes a required field and overflows its maxLength by one character', () => {
    expect(fieldMutations(INVOICE_NUMBER, 'xml')).toEqual([
      { constraint: 'required', action: 'delete' },
      { constraint: 'maxLength', action: 'set', value: 'x'.repeat(21) },
    ]);
  });

  it('sets an enum field to a value outside the documented list', () => {
    expect(fieldMutations(ACTION, 'json')).toEqual([
      { constraint: 'required', action: 'delete' },
      { constraint: 'enum', action: 'set', value: '__not_documented__' },
    ]);
  });

  it('breaks a decimal with an exclusive minimum by its type and by the bound itself, as XML text', () => {
    expect(fieldMutations(UNIT_PRICE, 'xml')).toEqual([
      { constraint: 'required', action: 'delete' },
      { constraint: 'type', action: 'set', value: 'twelve' },
      { constraint: 'range', action: 'set', value: '0' },
    ]);
  });

  it('breaks the same decimal with JSON values: a string for the type, the number 0 for the range', () => {
    expect(fieldMutations(UNIT_PRICE, 'json')).toEqual([
      { constraint: 'required', action: 'delete' },
      { constraint: 'type', action: 'set', value: 'x' },
      { constraint: 'range', action: 'set', value: 0 },
    ]);
  });

  it('sets an email field to something that is not an email address', () => {
    expect(fieldMutations(CLIENT_EMAIL, 'xml')).toEqual([{ constraint: 'format', action: 'set', value: 'not-an-email' }]);
  });

  it('lists every constraint of a field that has them all', () => {
    const all: FieldSpec = { name: 'code', type: 'string', required: true, minLength: 2, maxLength: 4, enum: ['AB', 'ABC'], format: 'email' };
    expect(fieldMutations(all, 'json').map((m) => m.constraint)).toEqual(['required', 'maxLength', 'minLength', 'enum', 'format']);
  });

  it.each<{ field: FieldSpec; constraint: string; value: string }>([
    { field: { name: 'retention', type: 'decimal', minimum: 0, maximum: 99.99 }, constraint: 'range', value: '-1' },
    { field: { name: 'retention', type: 'decimal', minimum: 0, maximum: 99.99 }, constraint: 'range-max', value: '100.99' },
    { field: { name: 'level', type: 'integer', maximum: 9 }, constraint: 'range-max', value: '10' },
    { field: { name: 'ratio', type: 'decimal', exclusiveMaximum: 1 }, constraint: 'range-max', value: '1' },
  ])('puts $field.name just outside its documented range ($constraint $value)', ({ field, constraint, value }) => {
    expect(fieldMutations(field, 'xml').find((m) => m.constraint === constraint)).toEqual({ constraint, action: 'set', value });
  });

  it.each<[FieldSpec['type'], string]>([
    ['integer', '1.5x'],
    ['boolean', 'yes'],
    ['date', '31.12.2024x'],
    ['datetime', 'tomorrow'],
    ['base64', '%%%'],
  ])('gives an XML %s field a value of the wrong type (%s)', (type, value) => {
    expect(fieldMutations({ name: 'f', type }, 'xml')).toEqual([{ constraint: 'type', action: 'set', value }]);
  });

  it('has nothing to break on an optional plain string, nor a required constant the builder always sends', () => {
    expect(fieldMutations({ name: 'notes', type: 'string' }, 'json')).toEqual([]);
    expect(fieldMutations({ name: 'kind', type: 'string', required: true, value: 'invoice' }, 'json')).toEqual([]);
  });
});
