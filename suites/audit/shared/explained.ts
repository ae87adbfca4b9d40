import type { PairContext } from '../../../src/audit/pair-context.ts';
import type { TreeDifference } from '../../../src/audit/tree-difference.ts';
import { parseTreeKey } from '../../../src/audit/tree-key.ts';
import { assertNever } from '../../../src/model/result.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { valueVerdict } from './value-verdict.ts';

/**
 * True when a current contract violation is the consequence of a breaking change already reported
 * for the same place (a removed required field, a renamed, moved or re-namespaced element, a type
 * change, another kind of body), or, for `undocumented-response`, of a changed outcome. Additions,
 * removed items and emptied values never explain a violation: those changes are not breaking, the
 * violation is.
 */
export function explained(ctx: PairContext, v: Violation): boolean {
  if (v.rule === 'undocumented-response') return ctx.baseline?.parsed?.outcome !== ctx.current?.parsed?.outcome;
  const path = v.path.split('/').filter((s) => s !== '' && !/^\d+$/.test(s)).join('/');
  const payload = payloadName(ctx);
  return ctx.differences.some((d) =>
    breakingPlaces(ctx, d).some((place) => {
      const p = place.replace(/^\//, '');
      return [p, payload === undefined ? p : `${payload}/${p}`].some((q) => q === '' || path === q || path.startsWith(`${q}/`));
    }),
  );
}

function breakingPlaces(ctx: PairContext, d: TreeDifference): string[] {
  const places = (...found: Array<string | undefined>): string[] => found.filter((p): p is string => p !== undefined);
  switch (d.kind) {
    case 'body':
      return [''];
    case 'removed':
      return d.item ? [] : places(ctx.localPath('baseline', d.at));
    case 'renamed':
    case 'moved':
    case 'namespace':
      return places(ctx.localPath('baseline', d.at), ctx.localPath('current', d.to));
    case 'value': {
      const verdict = valueVerdict(ctx, d).verdict;
      return verdict === 'type' || verdict === 'format' ? places(ctx.localPath('current', d.at)) : [];
    }
    case 'added':
    case 'reordered':
    case 'sequence':
      return [];
    default:
      return assertNever(d);
  }
}

function payloadName(ctx: PairContext): string | undefined {
  const body = ctx.current?.body;
  if (body === undefined || (body.kind !== 'xml' && body.kind !== 'json')) return undefined;
  const last = body.payloadPath.at(-1);
  return typeof last === 'string' ? parseTreeKey(last).local : undefined;
}

