import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { comparableCode, vendorFieldPath, vendorText } from './shared/vendor-text.ts';

/**
 * The vendor's own code for the case changed or disappeared. Integrations branch on codes (EBizCharge
 * clients compare `ErrorCode`, OpsPlanning ones look for 61048), so this is breaking even when the
 * normalized outcome is the same. Codes are compared by namespace, not prefix (`s:Client` = `soap:Client`).
 */
export const codeChanged: DriftRule = {
  id: 'drift.code-changed',
  severity: 'breaking',
  title: "The vendor's code changed or disappeared",
  breaks: 'readers that branch on the vendor code (EBizCharge ErrorCode, OpsPlanning 61048, SOAP faultcode); readers that only look at the HTTP status or the outcome are unaffected',
  detect: (ctx) => {
    if (ctx.baseline === undefined || ctx.current === undefined) return [];
    const b = comparableCode(ctx, 'baseline');
    const c = comparableCode(ctx, 'current');
    if (b === null || b === c) return [];
    const before = vendorText(ctx, 'baseline', 'code');
    const after = vendorText(ctx, 'current', 'code');
    const what = after === null ? 'no longer carries a vendor code' : 'carries another vendor code';
    return [{ path: vendorFieldPath(ctx, 'code'), before, after, message: `The response ${what}; integrations that branch on the code take another path.` }];
  },
};
