import type { FieldSpec } from '../types/contract.ts';
import { violation, type Violation } from '../model/violation.ts';
import { formatDate } from './format-date.ts';
import { resolvePath } from './resolve-path.ts';
import { applyTransforms } from './transforms.ts';
import type { VendorObject, VendorValue } from './vendor-value.ts';

/** Values the mapping needs besides the canonical input. */
export interface MappingContext {
  /** Credential values by declared name. Never logged: violations only name the credential. */
  readonly credentials: Readonly<Record<string, string>>;
}

/** The vendor payload built from a canonical input, with every required value that was missing. */
export interface MappedFields {
  readonly value: VendorObject;
  readonly violations: readonly Violation[];
  /** Whether any value came from the input (not only constants, defaults and credentials). */
  readonly fromInput: boolean;
}

/** Map a canonical input onto a field tree, following each field's `from`, `value`, `credential` and type. */
export function mapFields(fields: readonly FieldSpec[], scope: unknown, ctx: MappingContext, path = ''): MappedFields {
  const out: Record<string, VendorValue> = {};
  const violations: Violation[] = [];
  let fromInput = false;
  for (const field of fields) {
    const at = `${path}/${field.name}`;
    const mapped = mapField(field, scope, ctx, at);
    violations.push(...mapped.violations);
    fromInput ||= mapped.fromInput;
    if (mapped.value !== undefined) out[field.name] = mapped.value;
    else if (field.required === true && mapped.violations.length === 0) violations.push(missing(field, at));
  }
  return { value: out, violations, fromInput };
}

interface MappedField {
  readonly value: VendorValue | undefined;
  readonly violations: readonly Violation[];
  readonly fromInput: boolean;
}

const NOTHING: MappedField = { value: undefined, violations: [], fromInput: false };

function mapField(field: FieldSpec, scope: unknown, ctx: MappingContext, at: string): MappedField {
  if (field.credential !== undefined) return { value: ctx.credentials[field.credential], violations: [], fromInput: false };
  if (field.value !== undefined) return { value: field.value, violations: [], fromInput: false };
  const source = field.from === undefined ? (field.type === 'object' ? scope : undefined) : resolvePath(scope, field.from);
  if (field.type === 'object') return mapObject(field, source, ctx, at);
  if (source === undefined || source === null) return { value: field.default, violations: [], fromInput: false };
  return mapScalar(field, source, at);
}

function mapObject(field: FieldSpec, source: unknown, ctx: MappingContext, at: string): MappedField {
  // A required object taken from the current scope is built even when empty, so its own required
  // children are named; one with a `from` that resolves to nothing is reported as missing itself.
  if (source === undefined || source === null) return field.required === true && field.from === undefined ? mapObject(field, {}, ctx, at) : NOTHING;
  if (field.repeated === true && Array.isArray(source) && field.from !== undefined) {
    if (source.length === 0) return NOTHING;
    const items = source.map((item, i) => mapFields(field.fields ?? [], item, ctx, `${at}/${i}`));
    return { value: items.map((i) => i.value), violations: items.flatMap((i) => i.violations), fromInput: items.length > 0 };
  }
  const mapped = mapFields(field.fields ?? [], source, ctx, field.repeated === true ? `${at}/0` : at);
  // An optional object with nothing from the input is left out, and so are its children's requirements.
  if (!mapped.fromInput && field.required !== true) return NOTHING;
  return { value: field.repeated === true ? [mapped.value] : mapped.value, violations: mapped.violations, fromInput: mapped.fromInput };
}

function mapScalar(field: FieldSpec, source: unknown, at: string): MappedField {
  if (typeof source !== 'string' && typeof source !== 'number' && typeof source !== 'boolean') {
    return { ...NOTHING, violations: [violation('mapping-type', at, `Received: ${typeof source} at input "${field.from ?? ''}" / Documented: a ${field.type} for ${at}.`)] };
  }
  if ((field.type === 'date' || field.type === 'datetime') && typeof source === 'string') {
    const format = field.format === undefined || field.format === 'email' ? (field.type === 'date' ? 'yyyy-mm-dd' : 'iso') : field.format;
    const formatted = formatDate(source, format);
    if (formatted === undefined) {
      return { ...NOTHING, violations: [violation('mapping-date', at, `Received: "${source}" at input "${field.from ?? ''}" / Documented: an ISO date (YYYY-MM-DD) to format as ${format}.`)] };
    }
    return { value: formatted, violations: [], fromInput: true };
  }
  return { value: applyTransforms(source, field.transform ?? []), violations: [], fromInput: true };
}

function missing(field: FieldSpec, at: string): Violation {
  const source = field.from === undefined ? '' : ` Fix: set "${field.from}" in the input.`;
  return violation('required', at, `Received: no value / Documented: ${at.slice(1).replace(/\/\d+/g, '[]').replace(/\//g, '.')} is required (${field.type}).${source}`, { field: field.name });
}
