import type { Contract } from '../../types/contract.ts';
import type { VendorValue } from '../../mapping/vendor-value.ts';
import { applyUpdate } from './behaviours/apply-update.ts';
import { guard } from './behaviours/guards.ts';
import type { Exemplars } from './exemplars.ts';
import { identifyRecords } from './identify-records.ts';
import type { InvoiceStore } from './invoice-store.ts';
import type { Decision, StoredInvoice } from './sim-types.ts';
import { counterToken, type VendorHooks } from './vendors/index.ts';

/**
 * Plain words for an unknown invoice where the vendor documents none: those of
 * recordings/crmcom/invoices_update/probe-unknown-invoice.har, not the suite's.
 */
const NOT_FOUND_WORDS = 'The invoice could not be found';

/** What an update needs from its simulator. */
export interface UpdateContext {
  readonly contract: Contract;
  readonly store: InvoiceStore;
  readonly exemplars: Exemplars;
  readonly hooks?: VendorHooks;
}

/**
 * Apply an accepted request to the store: find (or, for an upsert, create) each invoice it
 * addresses, let the guards refuse, apply the behaviours, and answer the documented success with
 * the new values filled in. Nothing changes when any invoice is refused.
 */
export function updateInvoices(ctx: UpdateContext, body: VendorValue, pathParams: Readonly<Record<string, string>>): Decision {
  const { contract, store } = ctx;
  const upsert = (contract.behaviours ?? []).some((b) => b.kind === 'upsert');
  const initial = (contract.behaviours ?? []).find((b) => b.kind === 'state-guard')?.params?.['allowed'];
  const touched: StoredInvoice[] = [];
  const records = identifyRecords(contract, body, pathParams);
  for (const record of records) {
    const found = store.find(record.ids);
    // A vendor that documents a not-found answer keeps its own text (see respond). CRM.COM and
    // OpsPlanning document none: their generic refusal reads NOT_FOUND_WORDS. The ids go to the log.
    if (found === undefined && !upsert) return { generic: 'not-found', message: NOT_FOUND_WORDS, reason: `no invoice matches ${describeIds(record.ids)}` };
    const invoice = found ?? store.create(record.ids, Array.isArray(initial) ? String(initial[0]) : undefined);
    for (const b of contract.behaviours ?? []) {
      const refusal = guard(b, invoice, body);
      if (refusal !== undefined) return refusal;
    }
    touched.push(invoice);
  }
  const fills: Record<string, unknown> = {};
  for (const [i, invoice] of touched.entries()) {
    const record = records[i];
    if (record === undefined) continue;
    const applied = applyUpdate(invoice, { contract, record, body, store, nextToken: ctx.hooks?.nextToken ?? counterToken, ...(ctx.hooks?.noteEntry === undefined ? {} : { noteEntry: ctx.hooks.noteEntry }) });
    if (!('fills' in applied)) return applied;
    Object.assign(fills, applied.fills);
  }
  const ok = contract.responses.find((r) => r.outcome === 'ok' && (ctx.exemplars.byResponse.get(r.name)?.length ?? 0) > 0);
  const recorded = contract.responses.filter((r) => r.outcome === 'ok').flatMap((r) => (ctx.exemplars.byResponse.get(r.name) ?? []).map((e) => e.response.body));
  return { response: ok?.name ?? '', fills: { ...fills, ...(ctx.hooks?.successFills?.(touched, recorded) ?? {}) } };
}

function describeIds(ids: Readonly<Record<string, string>>): string {
  const parts = Object.entries(ids).map(([k, v]) => `${k} ${v}`);
  return parts.length === 0 ? 'the request (it names no invoice)' : parts.join(', ');
}
