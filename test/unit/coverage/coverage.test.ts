import { describe, expect, it } from 'vitest';
import { contractCoverage, coverageItem } from '../../../src/coverage/coverage.ts';

describe('coverageItem', () => {
  it('is covered with a passing case, a failing case or caught mutation, and nothing missed', () => {
    expect(coverageItem('rule', 'rule line-total', ['update-ok'], ['doc-line-total'])).toEqual({
      kind: 'rule',
      id: 'rule line-total',
      passing: ['update-ok'],
      failing: ['doc-line-total'],
      missed: [],
      covered: true,
    });
    expect(coverageItem('field', 'request /invoice', ['update-ok'], ['mutation:required']).covered).toBe(true);
  });

  it.each([
    { what: 'no passing case', passing: [], failing: ['comment-when-unpaid'], missed: [] },
    { what: 'no failing evidence', passing: ['mark-paid'], failing: [], missed: [] },
    { what: 'a missed mutation, even with both kinds of evidence', passing: ['mark-paid'], failing: ['mutation:required'], missed: ['mutation:maxLength'] },
    { what: 'no evidence at all', passing: [], failing: [], missed: [] },
  ])('is not covered with $what', ({ passing, failing, missed }) => {
    expect(coverageItem('field', 'request /request/Parameters/InvoiceNumber', passing, failing, missed).covered).toBe(false);
  });
});

describe('contractCoverage', () => {
  it('counts the items and the covered ones, keeping the items in order', () => {
    const items = [coverageItem('response', 'response update-ok', ['mark-paid'], ['mutation:status']), coverageItem('response', 'response service-unavailable', [], [])];
    expect(contractCoverage('opsplanning/UpdateInvoicePaymentStatus', items)).toEqual({ contract: 'opsplanning/UpdateInvoicePaymentStatus', total: 2, covered: 1, items });
  });

  it('gives 0/0 for a contract without items', () => {
    expect(contractCoverage('x/y', [])).toEqual({ contract: 'x/y', total: 0, covered: 0, items: [] });
  });
});
