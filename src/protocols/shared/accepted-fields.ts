import type { FieldSpec } from '../../types/contract.ts';
import type { Violation } from '../../model/violation.ts';
import { accepted } from '../../model/strictness.ts';

/**
 * Fields the vendor's reference does not list but its stack is shown to accept (`accepted: why`
 * on the field, e.g. CRM.COM's udf_float_5..8, sent by the doc's own examples and answered OK):
 * each one present is a warning, a failure with --strict.
 */
export function acceptedFieldViolations(fields: readonly FieldSpec[], data: unknown, path = ''): Violation[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return fields.flatMap((f) => {
    const value = (data as Record<string, unknown>)[f.name];
    if (value === undefined) return [];
    const at = `${path}/${f.name}`;
    const own = f.accepted === undefined ? [] : [accepted('undocumented-field', at, `Received: ${f.name} / Documented: ${f.name} is not in the parameter list. Leave it out.`, f.accepted)];
    const items = Array.isArray(value) ? value : [value];
    return [...own, ...items.flatMap((item, i) => acceptedFieldViolations(f.fields ?? [], item, Array.isArray(value) ? `${at}/${i}` : at))];
  });
}
