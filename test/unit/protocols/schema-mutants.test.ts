import { describe, expect, it } from 'vitest';
import { fieldsToSchema, XS_INT_RANGE, type SchemaFlavor } from '../../../src/protocols/shared/fields-to-schema.ts';
import { validateSchema } from '../../../src/protocols/shared/validate-schema.ts';
import type { Violation } from '../../../src/model/violation.ts';
import type { FieldSpec } from '../../../src/types/contract.ts';

/**
 * Validate data against the schema derived from these fields. validateSchema caches compiled
 * validators by key object and by schema content, so every call gets a fresh field array.
 */
function check(fields: readonly FieldSpec[], data: unknown, flavor: SchemaFlavor = 'xml', basePath = ''): Violation[] {
  const key = [...fields];
  return validateSchema(key, () => fieldsToSchema(key, flavor), data, basePath);
}
const one = (field: FieldSpec, value: unknown, flavor: SchemaFlavor = 'xml'): Violation[] => check([field], { [field.name]: value }, flavor);
const rules = (vs: readonly Violation[]): string[] => vs.map((v) => v.rule);

describe('XML Schema lexical forms of scalar fields sent as XML text', () => {
  it('reads xs:integer as optional minus and digits only', () => {
    const f: FieldSpec = { name: 'n', type: 'integer' };
    for (const ok of ['0', '-12', '007']) expect(one(f, ok), ok).toEqual([]);
    for (const bad of ['1.0', '1e3', '', 'x1', '1x', '--1']) expect(rules(one(f, bad)), bad).toEqual(['pattern']);
  });

  it('reads xs:decimal with an optional fraction that has digits', () => {
    const f: FieldSpec = { name: 'd', type: 'decimal' };
    for (const ok of ['0', '-1.5', '10.25']) expect(one(f, ok), ok).toEqual([]);
    for (const bad of ['1.', '.5', '1,5', '1e309', 'a1.5', '1.5a']) expect(rules(one(f, bad)), bad).toEqual(['pattern']);
  });

  it('reads xs:boolean as true, false, 1 or 0, case-sensitive', () => {
    const f: FieldSpec = { name: 'b', type: 'boolean' };
    for (const ok of ['true', 'false', '1', '0']) expect(one(f, ok), ok).toEqual([]);
    for (const bad of ['TRUE', 'yes', '10', 'truex', 'xfalse']) expect(rules(one(f, bad)), bad).toEqual(['pattern']);
  });

  it('reads xs:base64Binary as the base64 alphabet with at most two padding characters at the end', () => {
    const f: FieldSpec = { name: 'b64', type: 'base64' };
    for (const ok of ['', 'YQ==', 'YWI=', 'a+/9']) expect(one(f, ok), ok).toEqual([]);
    for (const bad of ['YQ===', 'Y Q', 'YQ=a', '!']) expect(rules(one(f, bad)), bad).toEqual(['pattern']);
  });

  it('reads dates in the contract format, yyyy-mm-dd by default, and date-times as ISO 8601 with an offset by default', () => {
    expect(one({ name: 'd', type: 'date' }, '2024-02-29')).toEqual([]);
    expect(rules(one({ name: 'd', type: 'date' }, '29/02/2024'))).toEqual(['pattern']);
    expect(one({ name: 'd', type: 'date', format: 'dd/mm/yyyy' }, '29/02/2024')).toEqual([]);
    expect(rules(one({ name: 'd', type: 'date', format: 'dd/mm/yyyy' }, '2024-02-29'))).toEqual(['pattern']);
    expect(one({ name: 't', type: 'datetime' }, '2024-02-29T10:00:00Z')).toEqual([]);
    expect(rules(one({ name: 't', type: 'datetime' }, '2024-02-29T10:00:00'))).toEqual(['pattern']);
    expect(one({ name: 't', type: 'datetime', format: 'iso-local' }, '2024-02-29T10:00:00')).toEqual([]);
    // JSON carries dates as strings too.
    expect(rules(one({ name: 't', type: 'datetime' }, '2024-02-29', 'json'))).toEqual(['pattern']);
  });

  it('leaves a plain string free, and checks its own pattern, length, enumeration and email format', () => {
    expect(one({ name: 's', type: 'string' }, ' any <text> ')).toEqual([]);
    expect(rules(one({ name: 's', type: 'string' }, 5))).toEqual(['type']);
    expect(rules(one({ name: 's', type: 'string', pattern: '^[A-Z]+$' }, 'abc'))).toEqual(['pattern']);
    expect(rules(one({ name: 's', type: 'string', minLength: 2 }, 'a'))).toEqual(['minLength']);
    expect(rules(one({ name: 's', type: 'string', enum: ['A', 'B'] }, 'C'))).toEqual(['enum']);
    expect(one({ name: 's', type: 'string', enum: ['A', 'B'] }, 'B')).toEqual([]);
    expect(rules(one({ name: 'e', type: 'string', format: 'email' }, 'not-an-email'))).toEqual(['format']);
    expect(one({ name: 'e', type: 'string', format: 'email' }, 'a@b.com')).toEqual([]);
  });

  it('runs a pattern only on values within maxLength, so an over-long value reports its length alone', () => {
    const f: FieldSpec = { name: 's', type: 'string', maxLength: 3, pattern: '^a+$' };
    expect(rules(one(f, 'aaaa'))).toEqual(['maxLength']);
    expect(rules(one(f, 'bbbb'))).toEqual(['maxLength']);
    expect(rules(one(f, 'ab'))).toEqual(['pattern']);
    expect(one(f, 'aaa')).toEqual([]);
    // A type pattern is guarded the same way.
    expect(rules(one({ name: 'n', type: 'integer', maxLength: 2 }, 'abc'))).toEqual(['maxLength']);
  });
});

describe('numeric ranges and types', () => {
  it('applies bounds to XML text numerically, leaving non-numbers to the pattern', () => {
    const f: FieldSpec = { name: 'r', type: 'decimal', minimum: 0, maximum: 99.99 };
    expect(one(f, '99.99')).toEqual([]);
    expect(one(f, '0')).toEqual([]);
    expect(rules(one(f, '100'))).toEqual(['range']);
    expect(rules(one(f, '-0.5'))).toEqual(['range']);
    expect(rules(one(f, 'abc'))).toEqual(['pattern']);
  });

  it('bounds integers by xs:int unless the contract sets that side, an exclusive bound counting as set', () => {
    expect(XS_INT_RANGE).toEqual({ minimum: -2147483648, maximum: 2147483647 });
    const lowExclusive: FieldSpec = { name: 'n', type: 'integer', exclusiveMinimum: 0 };
    expect(rules(one(lowExclusive, '0'))).toEqual(['range']);
    expect(one(lowExclusive, '1')).toEqual([]);
    expect(rules(one(lowExclusive, '2147483648'))).toEqual(['range']);
    const highExclusive: FieldSpec = { name: 'n', type: 'integer', exclusiveMaximum: 10 };
    expect(rules(one(highExclusive, '10'))).toEqual(['range']);
    expect(rules(one(highExclusive, '-2147483649'))).toEqual(['range']);
    expect(one({ name: 'n', type: 'integer', maximum: 5000000000 }, '4000000000')).toEqual([]);
    expect(one({ name: 'n', type: 'integer', minimum: -5000000000 }, '-4000000000')).toEqual([]);
    // Decimals get no implicit range.
    expect(one({ name: 'd', type: 'decimal' }, '99999999999.5')).toEqual([]);
  });

  it('gives JSON numbers and booleans their native types', () => {
    expect(one({ name: 'n', type: 'integer' }, 3, 'json')).toEqual([]);
    expect(rules(one({ name: 'n', type: 'integer' }, 1.5, 'json'))).toEqual(['type']);
    expect(rules(one({ name: 'n', type: 'integer' }, '3', 'json'))).toEqual(['type']);
    expect(one({ name: 'd', type: 'decimal' }, 1.5, 'json')).toEqual([]);
    expect(rules(one({ name: 'd', type: 'decimal' }, '1.5', 'json'))).toEqual(['type']);
    expect(one({ name: 'b', type: 'boolean' }, false, 'json')).toEqual([]);
    expect(rules(one({ name: 'b', type: 'boolean' }, 'false', 'json'))).toEqual(['type']);
    expect(rules(one({ name: 'd', type: 'decimal', maximum: 1 }, 2, 'json'))).toEqual(['maximum']);
  });
});

describe('objects, lists and null', () => {
  it('requires the required fields, refuses undocumented ones, and lets an open object carry any', () => {
    const fields: FieldSpec[] = [
      { name: 'id', type: 'string', required: true },
      { name: 'o', type: 'object', open: true, fields: [{ name: 'k', type: 'string', required: true }] },
    ];
    expect(check(fields, { id: 'x' })).toEqual([]);
    expect(check(fields, { id: 'x', o: { k: 'v', any: 1 } })).toEqual([]);
    expect(check(fields, { id: 'x', extra: 1 })).toEqual([
      { rule: 'unexpected-field', path: '/extra', severity: 'error', message: 'Received: extra / Documented: no such field here. Remove it or check its spelling.' },
    ]);
    expect(check(fields, { o: {} })).toEqual([
      { rule: 'required', path: '/id', severity: 'error', message: 'Received: no id / Documented: id is required here. Add it to the request.' },
      { rule: 'required', path: '/o/k', severity: 'error', message: 'Received: no k / Documented: k is required here. Add it to the request.' },
    ]);
    expect(check([{ name: 'a', type: 'string' }], {})).toEqual([]);
    expect(rules(check([{ name: 'a', type: 'string' }], 'text'))).toEqual(['type']);
  });

  it('bounds repeated fields by minItems and maxItems', () => {
    const f: FieldSpec = { name: 'item', type: 'string', repeated: true, minItems: 1, maxItems: 2 };
    expect(one(f, ['a'])).toEqual([]);
    expect(one(f, ['a', 'b'])).toEqual([]);
    expect(rules(one(f, []))).toEqual(['minItems']);
    expect(rules(one(f, ['a', 'b', 'c']))).toEqual(['maxItems']);
    expect(rules(one(f, 'a'))).toEqual(['type']);
    expect(one({ name: 'item', type: 'string', repeated: true }, [])).toEqual([]);
  });

  it('accepts null only on a nillable field, reporting the real error of a wrong value there', () => {
    const f: FieldSpec = { name: 'm', type: 'string', nillable: true, maxLength: 2 };
    expect(one(f, null)).toEqual([]);
    expect(one(f, 'ab')).toEqual([]);
    expect(one(f, 'abc').map((v) => [v.rule, v.path])).toEqual([['maxLength', '/m']]);
    expect(one({ name: 'o', type: 'object', nillable: true, fields: [] }, null)).toEqual([]);
    expect(rules(one({ name: 'm', type: 'string' }, null))).toEqual(['type']);
  });
});

describe('violation messages', () => {
  it('counts the characters of a value outside its length bounds', () => {
    const [long] = one({ name: 'InvoiceNumber', type: 'string', maxLength: 20 }, 'x'.repeat(21));
    expect(long).toMatchObject({ rule: 'maxLength', path: '/InvoiceNumber', severity: 'error' });
    expect(long?.message).toBe(`Received: "${'x'.repeat(21)}" (21 characters) / Documented: InvoiceNumber must NOT have more than 20 characters.`);
    const [short] = one({ name: 'name', type: 'string', minLength: 1 }, '');
    expect(short?.message).toBe('Received: "" (0 characters) / Documented: name must NOT have fewer than 1 characters.');
  });

  it('states a numeric range with its documented bounds', () => {
    const [v] = one({ name: 'retention', type: 'decimal', minimum: 0, maximum: 99.99 }, '120');
    expect(v).toEqual({ rule: 'range', path: '/retention', severity: 'error', message: 'Received: "120" / Documented: retention within {"minimum":0,"maximum":99.99}.' });
  });

  it('names the field of a list item, not its index, and keeps ajv params for other keywords', () => {
    const [v] = one({ name: 'code', type: 'string', repeated: true, enum: ['A'] }, ['A', 'B']);
    expect(v).toEqual({ rule: 'enum', path: '/code/1', severity: 'error', message: 'Received: "B" / Documented: code must be equal to one of the allowed values.', params: { allowedValues: ['A'] } });
  });

  it('describes lists, objects, numbers and long strings briefly', () => {
    expect(one({ name: 's', type: 'string' }, ['x'])[0]?.message).toBe('Received: a list / Documented: s must be string.');
    expect(one({ name: 's', type: 'string' }, { a: 1 })[0]?.message).toBe('Received: an object / Documented: s must be string.');
    expect(one({ name: 's', type: 'string' }, 12)[0]?.message).toBe('Received: 12 / Documented: s must be string.');
    const sixty = 'y'.repeat(60);
    expect(one({ name: 's', type: 'string', pattern: '^x' }, sixty)[0]?.message).toBe(`Received: "${sixty}" / Documented: s must match pattern "^x".`);
    const long = 'y'.repeat(61);
    expect(one({ name: 's', type: 'string', pattern: '^x' }, long)[0]?.message).toBe(`Received: "${'y'.repeat(57)}..." / Documented: s must match pattern "^x".`);
  });

  it('calls the whole value "value" and prefixes every path with the base path', () => {
    const [root] = check([{ name: 'a', type: 'string' }], 7, 'xml');
    expect(root?.message).toBe('Received: 7 / Documented: value must be object.');
    expect(root?.path).toBe('');
    const [header] = check([{ name: 'a', type: 'string', required: true }], {}, 'xml', '/Header');
    expect(header?.path).toBe('/Header/a');
    const [typed] = check([{ name: 'a', type: 'string' }], { a: 1 }, 'xml', '/Header');
    expect(typed).toMatchObject({ path: '/Header/a', message: 'Received: 1 / Documented: a must be string.' });
  });

  it('reuses one compiled validator for one key and for equal schemas', () => {
    const fields: FieldSpec[] = [{ name: 'a', type: 'string', maxLength: 1 }];
    let derived = 0;
    const schema = () => {
      derived++;
      return fieldsToSchema(fields, 'xml');
    };
    expect(rules(validateSchema(fields, schema, { a: 'xy' }))).toEqual(['maxLength']);
    expect(rules(validateSchema(fields, schema, { a: 'xyz' }))).toEqual(['maxLength']);
    expect(derived).toBe(1);
    const same: FieldSpec[] = [{ name: 'a', type: 'string', maxLength: 1 }];
    expect(rules(validateSchema(same, () => fieldsToSchema(same, 'xml'), { a: 'xy' }))).toEqual(['maxLength']);
  });
});
