import type { DriftRule } from '../../src/audit/drift-rule.ts';
import type { Violation } from '../../src/model/violation.ts';
import { explained } from './shared/explained.ts';

/**
 * The current response breaks the contract in a way the baseline did not (violations the
 * baseline already had are not drift). A violation that only restates a breaking change reported
 * for the same place (a removed required field, a type change) is not repeated.
 */
export const contractViolation: DriftRule = {
  id: 'drift.contract-violation',
  severity: 'breaking',
  title: 'The current response no longer validates against the contract',
  breaks: "strict readers that validate against the contract's schema (zeep's default mode, JAXB, .NET XmlSerializer for XML; ajv-validating clients for JSON); lax readers that pick single fields may not notice",
  detect: (ctx) => {
    const current = ctx.current?.parsed;
    if (current === undefined) return [];
    const known = new Set((ctx.baseline?.parsed?.violations ?? []).map(keyOf));
    return current.violations
      .filter((v) => v.severity === 'error' && !known.has(keyOf(v)) && !explained(ctx, v))
      .map((v) => ({ path: v.path, after: v.rule, message: v.message }));
  },
};

function keyOf(v: Violation): string {
  return `${v.rule} ${v.path} ${String(v.params?.['rule'] ?? '')}`;
}
