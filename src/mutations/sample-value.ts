import type { FieldSpec } from '../types/contract.ts';
import type { SchemaFlavor } from '../protocols/shared/fields-to-schema.ts';
import { formatDate } from '../mapping/format-date.ts';
import type { VendorObject, VendorValue } from '../mapping/vendor-value.ts';

/** A value that satisfies the field's documented type and constraints, or undefined if none can be made. */
export function sampleValue(field: FieldSpec, flavor: SchemaFlavor): VendorValue | undefined {
  if (field.value !== undefined) return field.value;
  if (field.type === 'object') return sampleObject(field.fields ?? [], flavor);
  if (field.enum !== undefined) return field.enum[0];
  if (field.pattern !== undefined) return undefined; // a value for an arbitrary pattern cannot be made honestly
  return sampleScalar(field, flavor);
}

/** An object holding a sample for every required child. */
export function sampleObject(fields: readonly FieldSpec[], flavor: SchemaFlavor): VendorObject {
  const out: Record<string, VendorValue> = {};
  for (const child of fields.filter((f) => f.required === true)) {
    const value = sampleValue(child, flavor);
    if (value !== undefined) out[child.name] = child.repeated === true ? [value] : value;
  }
  return out;
}

function sampleScalar(field: FieldSpec, flavor: SchemaFlavor): VendorValue | undefined {
  switch (field.type) {
    case 'integer':
    case 'decimal': {
      const n = sampleNumber(field);
      if (n === undefined) return undefined;
      return flavor === 'json' ? n : String(n);
    }
    case 'boolean':
      return flavor === 'json' ? true : 'true';
    case 'date':
      return formatDate('2024-04-25', field.format === undefined || field.format === 'email' ? 'yyyy-mm-dd' : field.format);
    case 'datetime':
      return formatDate('2024-04-25T10:30:00', field.format === undefined || field.format === 'email' ? 'iso' : field.format);
    case 'base64':
      return 'AAAAABLXruQ=';
    case 'string':
      if (field.format === 'email') return 'billing@example.com';
      return 'x'.repeat(Math.max(1, field.minLength ?? 1));
    default:
      return undefined;
  }
}

/** A number inside the field's bounds: the lower bound (or just above it), else just below the upper one. */
function sampleNumber(field: FieldSpec): number | undefined {
  const low = field.minimum ?? field.exclusiveMinimum;
  const high = field.maximum ?? field.exclusiveMaximum;
  const fits = (n: number): boolean =>
    (field.minimum === undefined || n >= field.minimum) &&
    (field.exclusiveMinimum === undefined || n > field.exclusiveMinimum) &&
    (field.maximum === undefined || n <= field.maximum) &&
    (field.exclusiveMaximum === undefined || n < field.exclusiveMaximum);
  const candidates = [1, ...(low === undefined ? [] : [low, Math.floor(low) + 1]), ...(high === undefined ? [] : [high, Math.ceil(high) - 1]), ...(low !== undefined && high !== undefined ? [(low + high) / 2] : [])];
  return candidates.find((n) => fits(n) && (field.type !== 'integer' || Number.isInteger(n)));
}
