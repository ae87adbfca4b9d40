import { resolveQName } from '../../../src/audit/collect-prefixes.ts';
import type { PairContext, Side } from '../../../src/audit/pair-context.ts';
import { isTreeArray, isTreeObject, type TreeValue } from '../../../src/audit/tree-value.ts';
import { TEXT_KEY } from '../../../src/audit/tree-key.ts';

/**
 * The vendor's code or message on one side, as sent. A side that matched a documented response
 * gives the one its classification read. A side that matched none (outcome `unknown`) is read at
 * the path the other side's documented response names (its `faultcode`, `status.message`), so a
 * code or message that is there is never reported as gone because the response is undocumented.
 */
export function vendorText(ctx: PairContext, side: Side, which: 'code' | 'message'): string | null {
  const view = ctx[side];
  const parsed = view?.parsed;
  if (view === undefined || parsed === undefined) return null;
  if (parsed.matched !== null) return which === 'code' ? parsed.vendorCode : parsed.message;
  const other = side === 'current' ? 'baseline' : 'current';
  const matched = ctx[other]?.parsed?.matched;
  const dotted = ctx.spec?.responses.find((r) => r.name === matched)?.[which];
  const at = dotted === undefined ? undefined : ctx.locate(side, dotted);
  if (at === undefined || view.body.kind === 'empty' || view.body.kind === 'unreadable') return null;
  return textOf(at.reduce<TreeValue | undefined>((node, s) => (typeof s === 'number' ? (isTreeArray(node) ? node[s] : undefined) : isTreeObject(node) ? node[s] : undefined), view.body.tree));
}

function textOf(value: TreeValue | undefined): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isTreeObject(value) && typeof value[TEXT_KEY] === 'string') return value[TEXT_KEY];
  return null;
}

/** A vendor code as compared: trimmed, and a QName (`soap:Client`) read with the document's prefixes. */
export function comparableCode(ctx: PairContext, side: Side): string | null {
  const code = vendorText(ctx, side, 'code');
  const body = ctx[side]?.body;
  if (code === null) return null;
  if (code.startsWith('{')) return code.trim();
  return body?.kind === 'xml' ? resolveQName(code.trim(), body.prefixes) : code.trim();
}

/** A vendor message as compared: whitespace runs collapsed, ends trimmed (a whitespace-only change is `drift.whitespace-changed`). */
export function comparableMessage(ctx: PairContext, side: Side): string | null {
  const message = vendorText(ctx, side, 'message');
  return message === null ? null : message.replace(/\s+/g, ' ').trim();
}

/**
 * Where the vendor's code or message sits, as a report path: the documented `code`/`message` path
 * of the response each side matched, found in that side's body (current first), else
 * `response.vendorCode` / `response.message`.
 */
export function vendorFieldPath(ctx: PairContext, which: 'code' | 'message'): string {
  for (const side of ['current', 'baseline'] as const) {
    const matched = ctx[side]?.parsed?.matched;
    const dotted = ctx.spec?.responses.find((r) => r.name === matched)?.[which];
    const at = dotted === undefined ? undefined : ctx.locate(side, dotted);
    if (at !== undefined) return ctx.path(at);
  }
  return which === 'code' ? 'response.vendorCode' : 'response.message';
}
