import { describe, expect, it } from 'vitest';
import { createRedactor, MAX_EVIDENCE_LENGTH } from '../../../src/audit/redactor.ts';
import { shippedContracts } from './audit-fixtures.ts';

describe('createRedactor', () => {
  it('redacts any value at a credential position of the contract, wherever it sits in a response', async () => {
    const crmcom = (await shippedContracts()).get('crmcom/invoices_update');
    const redactor = createRedactor(crmcom, []);
    expect(redactor.evidence('abc-123-token', ['data', 'token'])).toBe('[redacted]');
    expect(redactor.evidence({ token: 'abc', other: 'x' }, ['data'])).toBe('{"token":"[redacted]","other":"x"}');
    expect(redactor.evidence('kept', ['data', 'notes'])).toBe('kept');
  });

  it('cuts secret values a request leaked out of every text, longest first', () => {
    const redactor = createRedactor(undefined, ['s3cr3t', 's3cr3t-long']);
    expect(redactor.text('token s3cr3t-long and s3cr3t')).toBe('token [redacted] and [redacted]');
    expect(redactor.evidence({ a: 'x s3cr3t y' }, undefined)).toBe('{"a":"x [redacted] y"}');
  });

  it('keeps scalars as they are and shortens long structures', () => {
    const redactor = createRedactor(undefined, []);
    expect(redactor.evidence(12.5, undefined)).toBe(12.5);
    expect(redactor.evidence(null, undefined)).toBeNull();
    expect(redactor.evidence(undefined, undefined)).toBeUndefined();
    const long = redactor.evidence({ list: Array.from({ length: 100 }, (_, i) => `item-${i}`) }, undefined);
    expect(typeof long === 'string' && long.length).toBe(MAX_EVIDENCE_LENGTH);
    expect(String(long).endsWith('…')).toBe(true);
  });

  it('writes XML structures with local names', () => {
    const redactor = createRedactor(undefined, []);
    expect(redactor.evidence({ '{urn:a}Data': { '{urn:a}Stamp': 'x', '@{urn:b}lang': 'en' } }, undefined)).toBe('{"Data":{"Stamp":"x","@lang":"en"}}');
  });
});
