import { describe, expect, it } from 'vitest';
import { compareIds } from '../../../src/model/compare-ids.ts';

describe('compareIds', () => {
  it('orders contract ids by code unit, so upper case comes before lower case and "-" before "/" and digits', () => {
    const ids = ['ebizcharge/UpdateInvoice', 'crmcom/invoices_update', 'crmcom/authentication_token', 'x/alpha', 'x/Beta', 'x-y/a', 'x/9', 'centra/invoices_Update'];
    expect([...ids].sort(compareIds)).toEqual(['centra/invoices_Update', 'crmcom/authentication_token', 'crmcom/invoices_update', 'ebizcharge/UpdateInvoice', 'x-y/a', 'x/9', 'x/Beta', 'x/alpha']);
  });

  it('says equal ids are equal, and is antisymmetric', () => {
    expect(compareIds('a/b', 'a/b')).toBe(0);
    expect(compareIds('a/b', 'a/c')).toBe(-1);
    expect(compareIds('a/c', 'a/b')).toBe(1);
  });
});
