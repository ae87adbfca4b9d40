import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { comparableMessage, vendorFieldPath, vendorText } from './shared/vendor-text.ts';

/**
 * The vendor's message for the case is new, changed or gone (whitespace aside). Messages are for
 * people; integrations that match message text (as the EBizCharge Odoo module does with
 * "Not Found ") should check. A match that changes the outcome is also reported as such.
 */
export const messageChanged: DriftRule = {
  id: 'drift.message-changed',
  severity: 'warning',
  title: "The vendor's message is new, changed or gone",
  detect: (ctx) => {
    if (ctx.baseline === undefined || ctx.current === undefined) return [];
    const b = comparableMessage(ctx, 'baseline');
    const c = comparableMessage(ctx, 'current');
    if (b === c) return [];
    const before = vendorText(ctx, 'baseline', 'message');
    const after = vendorText(ctx, 'current', 'message');
    const what = b === null ? 'a message where it had none' : c === null ? 'no message where it had one' : 'another message';
    return [{ path: vendorFieldPath(ctx, 'message'), ...(before === null ? {} : { before }), ...(after === null ? {} : { after }), message: `The vendor now sends ${what}.` }];
  },
};
