import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { comparableCode, vendorFieldPath, vendorText } from './shared/vendor-text.ts';

/** A vendor code appears where the baseline had none: new error surface, nothing relied on it yet. */
export const codeAdded: DriftRule = {
  id: 'drift.code-added',
  severity: 'warning',
  title: 'A vendor code appears where there was none',
  detect: (ctx) => {
    if (ctx.baseline === undefined || ctx.current === undefined) return [];
    if (comparableCode(ctx, 'baseline') !== null || comparableCode(ctx, 'current') === null) return [];
    return [{ path: vendorFieldPath(ctx, 'code'), after: vendorText(ctx, 'current', 'code'), message: 'The response now carries a vendor code; check whether your integration should handle it.' }];
  },
};
