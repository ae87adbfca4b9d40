import type { Contract, FieldSpec } from '../../types/contract.ts';
import { isVendorObject, type VendorObject, type VendorValue } from '../../mapping/vendor-value.ts';

/** The decoded body without its credential fields, so the simulator never stores or shows them. */
export function withoutCredentials(contract: Contract, body: VendorValue): VendorObject {
  return isVendorObject(body) ? strip(contract.request.fields, body) : {};
}

function strip(fields: readonly FieldSpec[], data: VendorObject): VendorObject {
  const out: Record<string, VendorValue> = {};
  for (const [name, value] of Object.entries(data)) {
    const field = fields.find((f) => f.name === name);
    if (field?.credential !== undefined) continue;
    const nested = field?.fields;
    if (nested !== undefined && nested.some(holdsCredential) && isVendorObject(value)) out[name] = strip(nested, value);
    else out[name] = value;
  }
  return out;
}

function holdsCredential(field: FieldSpec): boolean {
  return field.credential !== undefined || (field.fields ?? []).some(holdsCredential);
}
