import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';
import { unexpectedAt } from './shared/unexpected.ts';

/**
 * A new field in a structure the contract closes (the current response's contract check says
 * "unexpected element/field" at that place). Reported once, here: not also as an added field and
 * a contract violation.
 */
export const fieldUnexpected: DriftRule = {
  id: 'drift.field-unexpected',
  severity: 'breaking',
  title: 'A new field appears where the contract allows none',
  breaks: "strict schema readers such as zeep's default mode, JAXB and .NET DataContract readers (they reject or drop undeclared elements); lax readers (node-soap, zeep with strict=False, JSON property access) ignore it",
  detect: (ctx) =>
    ctx.differences.flatMap((d) => {
      if (d.kind !== 'added' || d.item) return [];
      const v = unexpectedAt(ctx, d.at);
      if (v === undefined) return [];
      return [{ path: ctx.path(d.at), at: d.at, after: d.value, message: `${fieldName(d.at, ctx.style)} is new, and the contract's structure there is closed (${v.rule} at ${v.path}).` }];
    }),
};
