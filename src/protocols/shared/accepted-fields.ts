import type { FieldSpec } from '../../types/contract.ts';
import type { Violation } from '../../model/violation.ts';
import { accepted } from '../../model/strictness.ts';

/**
 * Fields the vendor's reference does not list but its stack is shown to accept (`accepted: why`
 * on the field, e.g. CRM.COM's udf_float_5..8, sent by the doc's own examples and answered OK):
 * each one present is a warning, a failure with --strict.
 */
export function acceptedFieldViolations(fields: readonly FieldSpec[], data: unknown, path = ''): Violation[] {
  const out: Violation[] = [];
  collect(fields, data, path, out);
  return out;
}

/** The violations of {@link acceptedFieldViolations}, in the same order, added to `out`; a field tree with no accepted field is not walked. */
function collect(fields: readonly FieldSpec[], data: unknown, path: string, out: Violation[]): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !holdsAccepted(fields)) return;
  for (const f of fields) {
    const value = (data as Record<string, unknown>)[f.name];
    if (value === undefined) continue;
    const at = `${path}/${f.name}`;
    if (f.accepted !== undefined) out.push(accepted('undocumented-field', at, `Received: ${f.name} / Documented: ${f.name} is not in the parameter list. Leave it out.`, f.accepted));
    const children = f.fields ?? [];
    if (Array.isArray(value)) value.forEach((item: unknown, i) => collect(children, item, `${at}/${i}`, out));
    else collect(children, value, at, out);
  }
}

/** Whether any field of the tree (at any depth) is an accepted one, worked out once per field list. */
function holdsAccepted(fields: readonly FieldSpec[]): boolean {
  let known = HOLDS_ACCEPTED.get(fields);
  if (known === undefined) HOLDS_ACCEPTED.set(fields, (known = fields.some((f) => f.accepted !== undefined || (f.fields !== undefined && holdsAccepted(f.fields)))));
  return known;
}

const HOLDS_ACCEPTED = new WeakMap<readonly FieldSpec[], boolean>();
