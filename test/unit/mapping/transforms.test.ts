import { describe, expect, it } from 'vitest';
import { applyTransforms } from '../../../src/mapping/transforms.ts';

describe('applyTransforms', () => {
  it('applies upper, lower and trim', () => {
    expect(applyTransforms('eur', ['upper'])).toBe('EUR');
    expect(applyTransforms('EUR', ['lower'])).toBe('eur');
    expect(applyTransforms('  INV-1 \n', ['trim'])).toBe('INV-1');
  });

  it('applies transforms in the order given', () => {
    expect(applyTransforms('  gb ', ['trim', 'upper'])).toBe('GB');
    expect(applyTransforms(' Ab ', ['lower', 'upper'])).toBe(' AB ');
  });

  it('returns the value unchanged when there are no transforms', () => {
    expect(applyTransforms(' x ', [])).toBe(' x ');
  });

  it('passes numbers and booleans through untouched', () => {
    expect(applyTransforms(12.5, ['upper', 'trim'])).toBe(12.5);
    expect(applyTransforms(false, ['lower'])).toBe(false);
  });
});
