import type { Contract, FieldSpec } from '../../types/contract.ts';
import { isVendorObject, type VendorObject, type VendorValue } from '../../mapping/vendor-value.ts';
import { ID_NAMES, type IdName, type InvoiceIds, type RecordRef } from './sim-types.ts';

/** The behaviour kinds whose `key` param names how an invoice is addressed, in order of preference. */
const KEYED = ['upsert', 'state-guard', 'optimistic-lock'] as const;

/**
 * The invoices a decoded request addresses, with their identifiers. The contract says how: the
 * first keyed behaviour's `key` (a path parameter name or a dotted body path, whose fields map from
 * `invoice.<identifier>`); without one, every field mapped from an invoice identifier. A repeated
 * element on the key's path (Centra's invoices/invoice) gives one record per element.
 */
export function identifyRecords(contract: Contract, body: VendorValue, pathParams: Readonly<Record<string, string>>): RecordRef[] {
  const root = isVendorObject(body) ? body : {};
  for (const b of contract.behaviours ?? []) {
    const key = (KEYED as readonly string[]).includes(b.kind) ? b.params?.['key'] : undefined;
    if (typeof key !== 'string') continue;
    const param = (contract.transport.pathParams ?? []).find((p) => p.name === key);
    if (param !== undefined) return [{ ids: idsOf(param.from, pathParams[key]), data: root }];
    const found = byPath(contract.request.fields, root, key.split('.'));
    if (found !== undefined) return found;
  }
  return [{ ids: scanIds(contract.request.fields, root), data: root }];
}

function byPath(fields: readonly FieldSpec[], data: VendorObject, path: readonly string[]): RecordRef[] | undefined {
  const [head, ...rest] = path;
  const field = fields.find((f) => f.name === head);
  if (field === undefined) return undefined;
  const value = data[field.name];
  if (rest.length === 0) return [{ ids: leafIds(field, value), data }];
  if (field.repeated === true) {
    const items = Array.isArray(value) ? (value as VendorValue[]) : [];
    return items.filter(isVendorObject).flatMap((item) => byPath(field.fields ?? [], item, rest) ?? []);
  }
  return isVendorObject(value) ? byPath(field.fields ?? [], value, rest) : [];
}

/** Identifiers under a key field: the field itself, or each child of an identifier object. */
function leafIds(field: FieldSpec, value: VendorValue | undefined): InvoiceIds {
  if (field.type !== 'object') return idsOf(field.from, value);
  return isVendorObject(value) ? scanIds(field.fields ?? [], value) : {};
}

/** Every non-repeated field mapped from an invoice identifier, at any depth. */
function scanIds(fields: readonly FieldSpec[], data: VendorObject): InvoiceIds {
  let ids: InvoiceIds = {};
  for (const f of fields) {
    const value = data[f.name];
    if (f.repeated === true || value === undefined) continue;
    if (f.type === 'object') ids = { ...(isVendorObject(value) ? scanIds(f.fields ?? [], value) : {}), ...ids };
    else ids = { ...idsOf(f.from, value), ...ids };
  }
  return ids;
}

function idsOf(from: string | undefined, value: VendorValue | undefined): InvoiceIds {
  const name = from?.startsWith('invoice.') === true ? from.slice('invoice.'.length) : undefined;
  if (name === undefined || !(ID_NAMES as readonly string[]).includes(name)) return {};
  if (typeof value !== 'string' && typeof value !== 'number') return {};
  const text = String(value).trim();
  return text === '' ? {} : { [name as IdName]: text };
}
