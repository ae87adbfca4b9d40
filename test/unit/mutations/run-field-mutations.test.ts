import { describe, expect, it } from 'vitest';
import { runFieldMutations, type FieldCoverage, type MutationBase } from '../../../src/mutations/run-field-mutations.ts';
import { fieldsToSchema, type SchemaFlavor } from '../../../src/protocols/shared/fields-to-schema.ts';
import { validateSchema } from '../../../src/protocols/shared/validate-schema.ts';
import type { Violation } from '../../../src/model/violation.ts';
import type { FieldSpec } from '../../../src/types/contract.ts';

/** A small field tree with one constraint of each kind; `notes` is carried by no base. */
function tree(): FieldSpec[] {
  return [
    {
      name: 'invoice',
      type: 'object',
      required: true,
      fields: [
        { name: 'number', type: 'string', required: true, maxLength: 20 },
        { name: 'status', type: 'string', enum: ['draft', 'final'] },
        { name: 'email', type: 'string', format: 'email' },
      ],
    },
    { name: 'items', type: 'object', repeated: true, fields: [{ name: 'quantity', type: 'decimal', required: true, exclusiveMinimum: 0 }] },
    { name: 'notes', type: 'string' },
  ];
}

/** The real validator the engine uses for a tree (its own schema cache key per tree). */
function validatorFor(fields: readonly FieldSpec[], flavor: SchemaFlavor): (data: unknown) => Violation[] {
  return (data) => validateSchema(fields, () => fieldsToSchema(fields, flavor), data);
}

const JSON_BASE: MutationBase = { name: 'full', data: { invoice: { number: 'INV-1', status: 'draft', email: 'ada@example.com' }, items: [{ quantity: 2 }] } };

/** Field → "constraint:detected" for compact comparisons. */
function summary(coverage: readonly FieldCoverage[]): Record<string, string[]> {
  return Object.fromEntries(coverage.map((f) => [f.field, f.mutations.map((m) => `${m.constraint}:${m.detected ? 'detected' : 'missed'}`)]));
}

describe('runFieldMutations', () => {
  it('breaks each documented constraint of each field in turn, and the validator flags every breakage', () => {
    const fields = tree();
    expect(summary(runFieldMutations(fields, 'json', [JSON_BASE], validatorFor(fields, 'json')))).toEqual({
      '/invoice': ['required:detected', 'structure:detected', 'undocumented:detected'],
      '/invoice/number': ['required:detected', 'maxLength:detected', 'structure:detected'],
      '/invoice/status': ['enum:detected', 'structure:detected'],
      '/invoice/email': ['format:detected', 'structure:detected'],
      '/items': ['structure:detected', 'undocumented:detected'],
      '/items[]/quantity': ['required:detected', 'type:detected', 'range:detected', 'structure:detected'],
      '/notes': ['structure:detected'],
    });
  });

  it('records the rule of the violation that caught each mutation', () => {
    const fields = tree();
    const quantity = runFieldMutations(fields, 'json', [JSON_BASE], validatorFor(fields, 'json')).find((f) => f.field === '/items[]/quantity');
    expect(quantity?.mutations).toEqual([
      { constraint: 'required', detected: true, rule: 'required' },
      { constraint: 'type', detected: true, rule: 'type' },
      { constraint: 'range', detected: true, rule: 'exclusiveMinimum' },
      { constraint: 'structure', detected: true, rule: 'type' },
    ]);
  });

  it('names the case a field comes from, or "derived from <case>" when no base carries it and a sample was added', () => {
    const fields = tree();
    const coverage = runFieldMutations(fields, 'json', [JSON_BASE], validatorFor(fields, 'json'));
    expect(coverage.find((f) => f.field === '/invoice/number')?.passing).toBe('full');
    expect(coverage.find((f) => f.field === '/notes')?.passing).toBe('derived from full');
  });

  it('works on XML data, where every value is text', () => {
    const fields = tree();
    const base: MutationBase = { name: 'full', data: { invoice: { number: 'INV-1', status: 'draft', email: 'ada@example.com' }, items: [{ quantity: '2' }] } };
    const coverage = runFieldMutations(fields, 'xml', [base], validatorFor(fields, 'xml'));
    expect(coverage.every((f) => f.passing !== null && f.mutations.every((m) => m.detected))).toBe(true);
    expect(coverage.find((f) => f.field === '/items[]/quantity')?.mutations.map((m) => m.rule)).toEqual(['required', 'pattern', 'range', 'type']);
  });

  it('reports detected: false for every breakage the validator cannot see (so coverage can fail)', () => {
    const fields = tree();
    const validate = validatorFor(fields, 'json');
    const blindToNumber = (data: unknown): Violation[] => validate(data).filter((v) => !v.path.startsWith('/invoice/number'));
    const coverage = runFieldMutations(fields, 'json', [JSON_BASE], blindToNumber);
    expect(summary(coverage)['/invoice/number']).toEqual(['required:missed', 'maxLength:missed', 'structure:missed']);
    expect(summary(coverage)['/invoice/status']).toEqual(['enum:detected', 'structure:detected']);
  });

  it('ignores bases the validator rejects, leaving fields without a passing instance', () => {
    const fields = tree();
    const broken: MutationBase = { name: 'broken', data: { invoice: { status: 'draft' } } };
    expect(runFieldMutations(fields, 'json', [broken], validatorFor(fields, 'json'))).toContainEqual({ field: '/invoice/number', passing: null, mutations: [] });
  });

  it('derives no sample under an open object, whose undocumented children are tolerated', () => {
    const fields: FieldSpec[] = [{ name: 'data', type: 'object', required: true, open: true, fields: [{ name: 'id', type: 'string' }] }];
    const coverage = runFieldMutations(fields, 'json', [{ name: 'ok', data: { data: {} } }], validatorFor(fields, 'json'));
    expect(coverage).toEqual([
      { field: '/data', passing: 'ok', mutations: [expect.objectContaining({ constraint: 'required' }), expect.objectContaining({ constraint: 'structure' })] },
      { field: '/data/id', passing: null, mutations: [] },
    ]);
  });
});
