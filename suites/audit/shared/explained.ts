import type { PairContext } from '../../../src/audit/pair-context.ts';
import type { TreeDifference } from '../../../src/audit/tree-difference.ts';
import { assertNever } from '../../../src/model/result.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { coversViolation, unexpectedAt } from './unexpected.ts';
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
  return ctx.differences.some((d) => breakingPlaces(ctx, d).some((place) => coversViolation(ctx, place, v)));
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
      // A field the closed structure does not allow is reported once, as drift.field-unexpected.
      return !d.item && unexpectedAt(ctx, d.at) !== undefined ? places(ctx.localPath('current', d.at)) : [];
    case 'reordered':
    case 'sequence':
      return [];
    default:
      return assertNever(d);
  }
}


