import type { VendorHooks } from './vendor-hooks.ts';

/**
 * OpsPlanning's InvoiceTimestamp looks like a SQL Server rowversion: eight bytes, base64
 * ("AAAAABLXruQ="). The simulator increments it on every update, as the database would.
 */
export const opsplanning: VendorHooks = {
  nextToken(previous) {
    const bytes = Buffer.from(previous ?? '', 'base64');
    const current = bytes.length === 8 ? bytes.readBigUInt64BE(0) : 0n;
    const next = Buffer.alloc(8);
    next.writeBigUInt64BE(current + 1n);
    return next.toString('base64');
  },
};
