import type { FieldSpec } from '../types/contract.ts';
import type { SchemaFlavor } from '../protocols/shared/fields-to-schema.ts';
import type { VendorValue } from '../mapping/vendor-value.ts';

/** One way to break one documented constraint of a field. */
export interface FieldMutation {
  /** What is broken: `required`, `type`, `maxLength`, `minLength`, `enum`, `range`, `format`, `undocumented`. */
  readonly constraint: string;
  /** `delete` removes the field; `set` writes `value`; `sibling` adds an undocumented sibling element. */
  readonly action: 'delete' | 'set' | 'sibling';
  readonly value?: VendorValue;
}

const NOT_A: Readonly<Record<string, string>> = {
  integer: '1.5x',
  decimal: 'twelve',
  boolean: 'yes',
  date: '31.12.2024x',
  datetime: 'tomorrow',
  base64: '%%%',
};

/** Every mutation that must make a conforming message break the field's documented constraints. */
export function fieldMutations(field: FieldSpec, flavor: SchemaFlavor): FieldMutation[] {
  const out: FieldMutation[] = [];
  if (field.required === true && field.value === undefined) out.push({ constraint: 'required', action: 'delete' });
  if (field.type !== 'object' && field.type !== 'string') {
    out.push({ constraint: 'type', action: 'set', value: flavor === 'json' && (field.type === 'integer' || field.type === 'decimal' || field.type === 'boolean') ? 'x' : (NOT_A[field.type] ?? 'x') });
  }
  if (field.maxLength !== undefined) out.push({ constraint: 'maxLength', action: 'set', value: 'x'.repeat(field.maxLength + 1) });
  if (field.minLength !== undefined && field.minLength > 0) out.push({ constraint: 'minLength', action: 'set', value: '' });
  if (field.enum !== undefined) out.push({ constraint: 'enum', action: 'set', value: '__not_documented__' });
  if (field.format === 'email') out.push({ constraint: 'format', action: 'set', value: 'not-an-email' });
  for (const [constraint, n] of outOfRange(field)) out.push({ constraint, action: 'set', value: flavor === 'json' ? n : String(n) });
  return out;
}

/** A value just outside each documented bound: `range` below the lower one, `range-max` above the upper one. */
function outOfRange(field: FieldSpec): [string, number][] {
  const below = field.exclusiveMinimum ?? (field.minimum === undefined ? undefined : field.minimum - 1);
  const above = field.exclusiveMaximum ?? (field.maximum === undefined ? undefined : field.maximum + 1);
  return [...(below === undefined ? [] : [['range', below] as [string, number]]), ...(above === undefined ? [] : [['range-max', above] as [string, number]])];
}
