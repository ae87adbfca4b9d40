import type { PairContext, Side } from '../../../src/audit/pair-context.ts';
import type { Segment } from '../../../src/audit/tree-value.ts';

/** How the contract describes a field on one side: required, optional, or not at all. */
export type Documented = 'required' | 'optional' | 'undocumented';

/** Whether the contract (in the response that side matched) requires the field at `at`. */
export function documented(ctx: PairContext, side: Side, at: readonly Segment[]): Documented {
  const field = ctx.fieldAt(side, at);
  if (field === undefined) return 'undocumented';
  return field.required === true ? 'required' : 'optional';
}
