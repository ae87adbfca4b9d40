import type { VendorValue } from '../../mapping/vendor-value.ts';
import type { VendorSeed } from './load-seed.ts';
import { ID_NAMES, type InvoiceIds, type StoredInvoice } from './sim-types.ts';

/** One vendor's invoices and clients. */
export interface InvoiceStore {
  find(ids: InvoiceIds): StoredInvoice | undefined;
  create(ids: InvoiceIds, state: string | undefined): StoredInvoice;
  readonly clients: Map<string, VendorValue>;
  /** A JSON-able view, served at GET /__simulator/state. */
  snapshot(): unknown;
}

/** A store filled from a vendor's seed. */
export function createInvoiceStore(seed: VendorSeed): InvoiceStore {
  const invoices: StoredInvoice[] = (seed.invoices ?? []).map((s) => {
    const ids: InvoiceIds = Object.fromEntries(ID_NAMES.filter((n) => s[n] !== undefined).map((n) => [n, s[n] as string]));
    const items = (s.items ?? []).map(({ id, ...rest }) => ({ id, data: rest as VendorValue }));
    return {
      ids,
      items,
      fields: {},
      updates: 0,
      ...(s.state === undefined ? {} : { state: s.state }),
      ...(s.token === undefined ? {} : { token: s.token }),
      ...(s.client === undefined ? {} : { client: s.client }),
      ...(s.notes === undefined ? {} : { notes: s.notes }),
    };
  });
  const clients = new Map<string, VendorValue>((seed.clients ?? []).map((name) => [name, { name }]));
  return {
    // An invoice matches when any identifier the request gives equals the stored one of that name.
    find: (ids) => invoices.find((inv) => ID_NAMES.some((n) => ids[n] !== undefined && inv.ids[n] === ids[n])),
    create(ids, state) {
      const created: StoredInvoice = { ids: { ...ids }, items: [], fields: {}, updates: 0, ...(state === undefined ? {} : { state }) };
      invoices.push(created);
      return created;
    },
    clients,
    snapshot: () => ({ invoices, clients: [...clients.values()] }),
  };
}
