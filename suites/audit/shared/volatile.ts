import type { PairContext } from '../../../src/audit/pair-context.ts';
import type { Segment } from '../../../src/audit/tree-value.ts';

/**
 * True when the contract declares the field at `at` volatile (its value changes on every call) in
 * the response either side matched: the field's dotted data path, or one above it, is listed.
 */
export function isVolatile(ctx: PairContext, at: readonly Segment[]): boolean {
  for (const side of ['baseline', 'current'] as const) {
    const matched = ctx[side]?.parsed?.matched;
    const listed = ctx.spec?.responses.find((r) => r.name === matched)?.volatile;
    const local = ctx.localPath(side, at);
    if (listed === undefined || local === undefined) continue;
    const dotted = local.replace(/^\//, '').replace(/\//g, '.');
    if (listed.some((p) => dotted === p || dotted.startsWith(`${p}.`))) return true;
  }
  return false;
}
