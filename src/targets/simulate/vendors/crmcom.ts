import { createHash } from 'node:crypto';
import { isVendorObject, type VendorValue } from '../../../mapping/vendor-value.ts';
import type { StoredInvoice, StoredItem } from '../sim-types.ts';
import type { VendorHooks } from './vendor-hooks.ts';

/**
 * CRM.COM answers with the updated invoice: identifiers, life cycle state, the shared notes, and
 * its item lines with the amounts CRM.COM computes (net = quantity x cost, discount from the
 * percentage, sub_total = net - discount) and the invoice totals summed over them.
 */
export const crmcom: VendorHooks = {
  successFills(invoices) {
    const inv = invoices[0];
    if (inv === undefined) return {};
    const lines = inv.items.map(line);
    const net = sum(lines.map((l) => l.net_amount));
    const discount = sum(lines.map((l) => l.discount_amount));
    const values: Record<string, unknown> = {
      'data.id': inv.ids.id,
      'data.number': inv.ids.number,
      'data.reference_number': inv.ids.reference,
      'data.life_cycle_state': inv.state,
      'data.notes': inv.notes,
      'data.invoice_item_set': lines,
      'data.net_amount': net,
      'data.discount_amount': discount,
      'data.vat_amount': 0,
      'data.total_amount': net - discount,
    };
    return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  },
};

function line(item: StoredItem): { id: string; net_amount: number; discount_amount: number; [k: string]: unknown } {
  const d: Record<string, VendorValue> = isVendorObject(item.data) ? { ...item.data } : {};
  const quantity = num(d['quantity']) ?? 1;
  const cost = num(d['cost']) ?? (num(d['sub_total']) !== undefined ? (num(d['sub_total']) ?? 0) / quantity : 0);
  const net = quantity * cost;
  const percentage = num(d['discount_percentage']) ?? (net === 0 ? 0 : ((num(d['discount_amount']) ?? 0) / net) * 100);
  const discount = (net * percentage) / 100;
  const sent = isVendorObject(d['product_identifier']) ? d['product_identifier'] : {};
  const code = text(sent['code']) ?? text(d['code']) ?? item.id;
  const product = { id: text(sent['id']) ?? hexId(`product ${code}`), code, description: code, alternative_code: text(sent['alternative_code']) ?? code };
  const vat = isVendorObject(d['vat_rate_identifier']) ? d['vat_rate_identifier'] : {};
  const vatName = text(vat['name']) ?? 'Zero';
  const vatRate = { id: text(vat['id']) ?? hexId(`vat ${vatName}`), name: vatName, description: vatName, alternative_code: text(vat['alternative_code']) ?? vatName };
  return { id: item.id, product, quantity, cost, net_amount: net, discount_percentage: percentage, discount_amount: discount, sub_total: net - discount, vat_rate: vatRate, vat_amount: 0, vat_percentage: 0 };
}

/** A stable 32-hex-digit id in CRM.COM's style, derived from what it names. */
function hexId(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 32).toUpperCase();
}

function text(v: VendorValue | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function num(v: VendorValue | undefined): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
