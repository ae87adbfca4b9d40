import { describe, expect, it } from 'vitest';
import { compareValues } from '../../../src/audit/compare-values.ts';
import { classifyScalar } from '../../../src/audit/scalar-class.ts';

describe('classifyScalar', () => {
  it.each<[string | number | boolean | null, string]>([
    [null, 'null'],
    ['  ', 'empty'],
    [true, 'boolean'],
    ['false', 'boolean'],
    [42, 'integer'],
    ['-7', 'integer'],
    [28.5, 'decimal'],
    ['120.00', 'decimal'],
    ['2024-04-25', 'date'],
    ['25/04/2024', 'dd/mm/yyyy'],
    ['04/25/2024', 'mm/dd/yyyy'],
    ['05/11/2014', 'dd/mm/yyyy or mm/dd/yyyy'],
    ['2014-11-05T15:49:59', 'local-datetime'],
    ['2014-11-05T15:49:59Z', 'datetime'],
    ['2014-11-05T15:49:59+01:00', 'datetime'],
    ['AAAAABLXruQ=', 'base64'],
    ['INV00110', 'string'],
    ['EDE5318C0AA394902E8C7DAE0227CB01', 'string'],
    ['Not Found ', 'string'],
  ])('classifies %j as %s', (value, expected) => {
    expect(classifyScalar(value)).toBe(expected);
  });
});

describe('compareValues', () => {
  it.each<[unknown, unknown, boolean, string | undefined, string]>([
    ['120.00', 'abc', false, undefined, 'type'],
    [10, '10', true, undefined, 'type'],
    [true, 'true', true, undefined, 'type'],
    [{ a: 1 }, 'x', true, undefined, 'type'],
    ['AAAAABLXruQ=', 'plain text', false, undefined, 'type'],
    ['2024-04-25', '25/04/2024', false, undefined, 'format'],
    ['2014-11-05T15:49:59', '2014-11-05T15:49:59Z', true, undefined, 'format'],
    ['free text', '42', false, undefined, 'compatible'],
    ['10', '10.5', false, undefined, 'compatible'],
    ['10', '10.5', false, 'integer', 'type'],
    [10, 28.5, true, undefined, 'compatible'],
    ['05/11/2014', '25/11/2014', false, undefined, 'compatible'],
    ['1', '2', false, undefined, 'same'],
    ['x', '', false, undefined, 'emptied'],
    [12.5, null, true, undefined, 'emptied'],
    [null, 'x', true, undefined, 'filled'],
    ['', null, true, undefined, 'same'],
  ])('%j → %j (json %s, declared %s) is %s', (before, after, json, declared, verdict) => {
    expect(compareValues(before as never, after as never, json, declared as never).verdict).toBe(verdict);
  });
});
