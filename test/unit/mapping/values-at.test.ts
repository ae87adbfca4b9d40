import { describe, expect, it } from 'vitest';
import { valuesAt } from '../../../src/mapping/values-at.ts';
import { resolvePath } from '../../../src/mapping/resolve-path.ts';

describe('valuesAt', () => {
  it('gives every value at a path, looking through repeated elements at each step', () => {
    const data = { errors: { message: ['Invalid currency XXX', 'Unknown store'] } };
    expect(valuesAt(data, 'errors.message')).toEqual(['Invalid currency XXX', 'Unknown store']);
    const nested = { Errors: [{ E: { Code: '1' } }, { E: { Code: '2' } }] };
    expect(valuesAt(nested, 'Errors.E.Code')).toEqual(['1', '2']);
  });

  it('gives nothing for a missing path and the value itself for the empty path', () => {
    expect(valuesAt({ a: 1 }, 'b.c')).toEqual([]);
    expect(valuesAt('OK', '')).toEqual(['OK']);
  });
});

describe('resolvePath', () => {
  it('reads a dotted path and gives undefined when a segment is missing', () => {
    expect(resolvePath({ invoice: { id: '1001' } }, 'invoice.id')).toBe('1001');
    expect(resolvePath({ invoice: { id: '1001' } }, 'invoice.number')).toBeUndefined();
    expect(resolvePath({ invoice: 'x' }, 'invoice.id')).toBeUndefined();
  });
});
