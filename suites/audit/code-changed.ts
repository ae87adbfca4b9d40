import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { comparableCode, vendorFieldPath } from './shared/vendor-text.ts';

/**
 * The vendor's own code for the case changed or disappeared. Integrations branch on codes (EBizCharge
 * clients compare `ErrorCode`, OpsPlanning ones look for 61048), so this is breaking even when the
 * normalized outcome is the same. Codes are compared by namespace, not prefix (`s:Client` = `soap:Client`).
 */
export const codeChanged: DriftRule = {
  id: 'drift.code-changed',
  severity: 'breaking',
  title: "The vendor's code changed or disappeared",
  detect: (ctx) => {
    if (ctx.baseline === undefined || ctx.current === undefined) return [];
    const b = comparableCode(ctx.baseline);
    const c = comparableCode(ctx.current);
    if (b === null || b === c) return [];
    const before = ctx.baseline.parsed?.vendorCode ?? null;
    const after = ctx.current.parsed?.vendorCode ?? null;
    const what = after === null ? 'no longer carries a vendor code' : 'carries another vendor code';
    return [{ path: vendorFieldPath(ctx, 'code'), before, after, message: `The response ${what}; integrations that branch on the code take another path.` }];
  },
};
