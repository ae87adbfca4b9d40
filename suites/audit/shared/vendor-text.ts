import { resolveQName } from '../../../src/audit/collect-prefixes.ts';
import type { PairContext } from '../../../src/audit/pair-context.ts';
import type { SideView } from '../../../src/audit/side-view.ts';

/** A vendor code as compared: trimmed, and a QName (`soap:Client`) read with the document's prefixes. */
export function comparableCode(side: SideView): string | null {
  const code = side.parsed?.vendorCode ?? null;
  if (code === null) return null;
  return side.body.kind === 'xml' ? resolveQName(code.trim(), side.body.prefixes) : code.trim();
}

/** A vendor message as compared: whitespace runs collapsed, ends trimmed. */
export function comparableMessage(side: SideView): string | null {
  const message = side.parsed?.message ?? null;
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
