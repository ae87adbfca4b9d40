import { createHash } from 'node:crypto';
import { isVendorObject, type VendorValue } from '../../../mapping/vendor-value.ts';
import type { StoredInvoice, StoredItem } from '../sim-types.ts';
import type { VendorHooks } from './vendor-hooks.ts';
import type { RecordedFill } from '../fill-body.ts';
import { parseJson } from '../../../codec/json/parse-json.ts';

/**
 * CRM.COM answers with the updated invoice: identifiers, life cycle state, the shared notes, and
 * its item lines with the amounts CRM.COM computes (net = quantity x cost, discount from the
 * percentage, sub_total = net - discount) and the invoice totals summed over them.
 *
 * A seeded line in CRM.COM's response form (as the doc's examples show it) is answered as stored.
 * A line the simulator adds takes its product and VAT rate objects (ids, description,
 * `product_type`) from the recorded answer's line of the same product code and VAT rate name,
 * since those belong to the installation's catalogue, which the simulator does not model; else
 * they are made from what the request sent. The doc calls invoice_item_set a set and shows lines in
 * no stated order (Example 1 lists the added line last, Example 2 first), so lines the recorded
 * answer shows keep its order and any other line follows.
 */
export const crmcom: VendorHooks = {
  // Shared notes are a log: each update appends "<user>\t<d/m/yyyy HH:MM:SS>\t<text>" (Examples 1 and 2, data.notes).
  noteEntry: (text) => `${NOTES_USER}\t${stamp(new Date())}\t${text}`,
  successFills(invoices, recorded) {
    const inv = invoices[0];
    if (inv === undefined) return {};
    const lines = inv.items.map(line);
    const net = sum(lines.map((l) => l.net_amount));
    const discount = sum(lines.map((l) => l.discount_amount));
    const values: Record<string, unknown> = {
      'data.id': inv.ids.id,
      // null where the invoice has none, as Example 1 answers "number": null (not the recorded invoice's value).
      'data.number': inv.ids.number ?? null,
      'data.reference_number': inv.ids.reference ?? null,
      'data.life_cycle_state': inv.state,
      'data.notes': inv.notes ?? null,
      'data.invoice_item_set': ((here: unknown) => shapedLike(lines, here, recordedLines(recorded))) satisfies RecordedFill,
      'data.net_amount': net,
      'data.discount_amount': discount,
      'data.vat_amount': 0,
      'data.total_amount': net - discount,
    };
    return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  },
};

/** Who the simulator's notes entries name as their author. */
const NOTES_USER = 'Simulator';

/** CRM.COM's notes time stamp, as the doc's examples show it: d/m/yyyy HH:MM:SS (UTC here). */
function stamp(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

type Line = { id: string; net_amount: number; discount_amount: number; [k: string]: unknown };

function line(item: StoredItem): Line {
  const d: Record<string, VendorValue> = isVendorObject(item.data) ? { ...item.data } : {};
  if (isVendorObject(d['product']) && num(d['net_amount']) !== undefined) return { ...d, id: item.id, net_amount: num(d['net_amount']) ?? 0, discount_amount: num(d['discount_amount']) ?? 0 };
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

/** The item lines of recorded success bodies (`data.invoice_item_set`), bodies that do not parse ignored. */
function recordedLines(bodies: readonly string[]): Record<string, unknown>[] {
  return bodies.flatMap((body) => {
    const parsed = parseJson(body);
    const data = parsed.ok && isRecord(parsed.value) && isRecord(parsed.value['data']) ? parsed.value['data'] : undefined;
    return objects(data?.['invoice_item_set']);
  });
}

function objects(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/**
 * The lines with the catalogue objects of a recorded line of the same product (the answered body's
 * first, then any recorded success's), in the order of the answered body's lines.
 */
function shapedLike(lines: readonly Line[], here: unknown, elsewhere: readonly Record<string, unknown>[]): Line[] {
  const shown = objects(here);
  const productCode = (l: Record<string, unknown>): unknown => (isRecord(l['product']) ? l['product']['code'] : undefined);
  const sameProduct = (l: Record<string, unknown>) => (r: Record<string, unknown>): boolean => productCode(r) !== undefined && productCode(r) === productCode(l);
  const at = (l: Line): number => {
    const i = shown.findIndex(sameProduct(l));
    return i === -1 ? shown.length : i;
  };
  const shaped = lines.map((l) => {
    const same = shown.find(sameProduct(l)) ?? elsewhere.find(sameProduct(l));
    if (same === undefined) return l;
    const vat = isRecord(same['vat_rate']) && isRecord(l['vat_rate']) && same['vat_rate']['name'] === l['vat_rate']['name'] ? same['vat_rate'] : l['vat_rate'];
    return { ...l, product: same['product'], vat_rate: vat };
  });
  return shaped.map((l, i) => ({ l, i })).sort((a, b) => at(a.l) - at(b.l) || a.i - b.i).map(({ l }) => l);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
