import { describe, expect, it } from 'vitest';
import { datePattern, formatDate } from '../../../src/mapping/format-date.ts';
import type { DateFormat } from '../../../src/types/contract.ts';

describe('formatDate', () => {
  it('formats a canonical date as dd/mm/yyyy and mm/dd/yyyy with leading zeros', () => {
    expect(formatDate('2024-04-05', 'dd/mm/yyyy')).toBe('05/04/2024');
    expect(formatDate('2024-04-05', 'mm/dd/yyyy')).toBe('04/05/2024');
  });

  it('keeps yyyy-mm-dd and drops the time of a date-time for date formats', () => {
    expect(formatDate('2024-04-25', 'yyyy-mm-dd')).toBe('2024-04-25');
    expect(formatDate('2024-04-25T23:59:59Z', 'yyyy-mm-dd')).toBe('2024-04-25');
    expect(formatDate('2024-04-25T23:59:59+02:00', 'dd/mm/yyyy')).toBe('25/04/2024');
  });

  it('formats iso-local without a zone, and midnight for a plain date', () => {
    expect(formatDate('2024-04-25T14:35:02Z', 'iso-local')).toBe('2024-04-25T14:35:02');
    expect(formatDate('2024-04-25T14:35:02+02:00', 'iso-local')).toBe('2024-04-25T14:35:02');
    expect(formatDate('2024-04-25', 'iso-local')).toBe('2024-04-25T00:00:00');
  });

  it('formats iso with the given zone, or Z when the input has none', () => {
    expect(formatDate('2024-04-25T14:35:02+02:00', 'iso')).toBe('2024-04-25T14:35:02+02:00');
    expect(formatDate('2024-04-25', 'iso')).toBe('2024-04-25T00:00:00Z');
  });

  it('returns undefined for input that is not ISO, so the caller can report it', () => {
    expect(formatDate('25/04/2024', 'dd/mm/yyyy')).toBeUndefined();
    expect(formatDate('2024-4-25', 'yyyy-mm-dd')).toBeUndefined();
    expect(formatDate('', 'iso')).toBeUndefined();
  });

  it.each<[DateFormat, string]>([
    ['yyyy-mm-dd', '2024-12-31'],
    ['dd/mm/yyyy', '2024-12-31'],
    ['mm/dd/yyyy', '2024-12-31'],
    ['iso-local', '2024-12-31T08:00:00+01:00'],
    ['iso', '2024-12-31T08:00:00+01:00'],
  ])('produces %s output that its own validation pattern accepts', (format, iso) => {
    const formatted = formatDate(iso, format);
    expect(formatted).toBeDefined();
    expect(new RegExp(datePattern(format)).test(formatted ?? '')).toBe(true);
  });

  it('has a dd/mm/yyyy pattern that rejects the mm/dd/yyyy reading of a day above 12', () => {
    expect(new RegExp(datePattern('dd/mm/yyyy')).test('25/04/2024')).toBe(true);
    expect(new RegExp(datePattern('mm/dd/yyyy')).test('25/04/2024')).toBe(false);
  });
});
