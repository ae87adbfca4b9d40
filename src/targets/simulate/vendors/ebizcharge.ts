import type { VendorHooks } from './vendor-hooks.ts';

/** EBizCharge's InvoiceResponse repeats the updated invoice's InvoiceInternalId. */
export const ebizcharge: VendorHooks = {
  successFills(invoices) {
    const id = invoices[0]?.ids.internalId;
    return id === undefined ? {} : { 'UpdateInvoiceResult.InvoiceInternalId': id };
  },
};
