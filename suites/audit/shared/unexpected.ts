import type { PairContext } from '../../../src/audit/pair-context.ts';
import type { Segment } from '../../../src/audit/tree-value.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { parseTreeKey } from '../../../src/audit/tree-key.ts';

/** Violation rules that say "this element or field is not in the contract's closed structure". */
const UNEXPECTED = new Set(['unexpected-element', 'unexpected-field']);

/** A violation path without array indices (`/Result/Items/0/Name` → `Result/Items/Name`). */
export function violationPlace(v: Violation): string {
  return v.path.split('/').filter((s) => s !== '' && !/^\d+$/.test(s)).join('/');
}

/**
 * True when `place` (a payload-local path as `PairContext.localPath` gives it) names the violation's
 * place or one above it. Violation paths may or may not start with the payload element's name.
 */
export function coversViolation(ctx: PairContext, place: string, v: Violation): boolean {
  const path = violationPlace(v);
  const p = place.replace(/^\//, '');
  const payload = payloadName(ctx);
  return [p, payload === undefined ? p : p === '' ? payload : `${payload}/${p}`].some((q) => q === '' || path === q || path.startsWith(`${q}/`));
}

/** The current violation saying that the field added at `at` is not allowed there, if any. */
export function unexpectedAt(ctx: PairContext, at: readonly Segment[]): Violation | undefined {
  return violationAt(ctx, at, (v) => UNEXPECTED.has(v.rule));
}

/** The first current error violation (that `accept` takes) at exactly the place of `at`, if any. */
export function violationAt(ctx: PairContext, at: readonly Segment[], accept: (v: Violation) => boolean = () => true): Violation | undefined {
  const place = ctx.localPath('current', at);
  if (place === undefined || place === '/') return undefined;
  const p = place.replace(/^\//, '');
  const payload = payloadName(ctx);
  return (ctx.current?.parsed?.violations ?? []).find((v) => {
    if (v.severity !== 'error' || !accept(v)) return false;
    const path = violationPlace(v);
    return path === p || (payload !== undefined && path === `${payload}/${p}`);
  });
}

function payloadName(ctx: PairContext): string | undefined {
  const body = ctx.current?.body;
  if (body === undefined || (body.kind !== 'xml' && body.kind !== 'json')) return undefined;
  const last = body.payloadPath.at(-1);
  return typeof last === 'string' ? parseTreeKey(last).local : undefined;
}
