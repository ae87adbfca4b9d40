import type { TreeDifference } from './tree-difference.ts';
import { parseTreeKey, TEXT_KEY } from './tree-key.ts';
import { canonical, isTreeArray, isTreeObject, treeObject, type Segment, type TreeValue } from './tree-value.ts';

/** Two trees brought into the same shape and order, plus the order changes found on the way. */
export interface AlignedTrees {
  readonly before: TreeValue;
  readonly after: TreeValue;
  readonly differences: readonly TreeDifference[];
}

/**
 * Prepare two trees for a positional diff:
 * - array items are matched by value first, so a reordering, or an item added in the middle,
 *   is not seen as every later item changing; a changed order is reported as `reordered`;
 * - for XML, an element that occurs once on one side and repeatedly on the other is compared as
 *   a one-item list, and a leaf compared with an element that has attributes or children is
 *   read as its `#text`, so growing a child or an attribute is an addition, not a type change;
 *   a changed sequence of differently named children is reported as `sequence`.
 * Inputs are not modified.
 */
export function alignTrees(before: TreeValue, after: TreeValue, xml: boolean): AlignedTrees {
  const differences: TreeDifference[] = [];
  const [b, a] = alignValue(before, after, [], xml, differences);
  return { before: b, after: a, differences };
}

type Pair = [TreeValue, TreeValue];

function alignValue(before: TreeValue, after: TreeValue, at: readonly Segment[], xml: boolean, out: TreeDifference[]): Pair {
  const [b, a] = xml ? harmonize(before, after) : [before, after];
  if (isTreeArray(b) && isTreeArray(a)) return alignArrays(b, a, at, xml, out);
  if (isTreeObject(b) && isTreeObject(a)) return alignObjects(b, a, at, xml, out);
  return [b, a];
}

function harmonize(b: TreeValue, a: TreeValue): Pair {
  if (b === null || a === null) return [b, a];
  if (isTreeArray(b) !== isTreeArray(a)) return isTreeArray(b) ? [b, [a]] : [[b], a];
  if (isTreeObject(b) && typeof a === 'string') return [b, lift(a)];
  if (typeof b === 'string' && isTreeObject(a)) return [lift(b), a];
  return [b, a];
}

function lift(text: string): TreeValue {
  const out = treeObject();
  if (text !== '') out[TEXT_KEY] = text;
  return out;
}

function alignArrays(b: readonly TreeValue[], a: readonly TreeValue[], at: readonly Segment[], xml: boolean, out: TreeDifference[]): Pair {
  const matchOf = matchItems(b, a);
  const aligned = arrangeAfter(matchOf, a);
  reportReorder(matchOf, at, out);
  const nb: TreeValue[] = [...b];
  for (let i = 0; i < Math.min(b.length, aligned.length); i++) {
    if (!(i in aligned)) continue;
    const [x, y] = alignValue(b[i] ?? null, aligned[i] ?? null, [...at, i], xml, out);
    nb[i] = x;
    aligned[i] = y;
  }
  return [nb, aligned];
}

/** For each baseline item, the index of an equal current item (each used once), or -1. */
function matchItems(b: readonly TreeValue[], a: readonly TreeValue[]): number[] {
  const byValue = new Map<string, number[]>();
  a.forEach((item, j) => {
    const key = canonical(item);
    const list = byValue.get(key);
    if (list === undefined) byValue.set(key, [j]);
    else list.push(j);
  });
  const taken = new Map<string, number>();
  return b.map((item) => {
    const key = canonical(item);
    const list = byValue.get(key);
    const k = taken.get(key) ?? 0;
    if (list === undefined || k >= list.length) return -1;
    taken.set(key, k + 1);
    return list[k] ?? -1;
  });
}

/**
 * Current items in baseline order: each matched item at its partner's index, unmatched ones in the
 * free slots, the rest appended. Slots still free stay holes (a sparse array): the positional diff
 * then sees exactly those baseline items as removed.
 */
function arrangeAfter(matchOf: readonly number[], a: readonly TreeValue[]): TreeValue[] {
  const used = new Set(matchOf.filter((j) => j !== -1));
  const leftovers = a.filter((_, j) => !used.has(j));
  const aligned = new Array<TreeValue>(matchOf.length);
  // A read position instead of shift(): shift() on a long array is linear, the loop quadratic.
  let next = 0;
  matchOf.forEach((j, i) => {
    const partner = j === -1 ? leftovers[next++] : a[j];
    if (partner !== undefined) aligned[i] = partner;
  });
  leftovers.splice(0, next);
  for (const item of leftovers) aligned.push(item);
  return aligned;
}

function reportReorder(matchOf: readonly number[], at: readonly Segment[], out: TreeDifference[]): void {
  const matched = matchOf.map((j, i) => ({ i, j })).filter((m) => m.j !== -1);
  if (matched.every((m, k) => k === 0 || (matched[k - 1]?.j ?? -1) < m.j)) return;
  const before = matched.map((m) => m.i + 1);
  const after = [...matched].sort((x, y) => x.j - y.j).map((m) => m.i + 1);
  out.push({ kind: 'reordered', at, before, after });
}

function alignObjects(b: Readonly<Record<string, TreeValue>>, a: Readonly<Record<string, TreeValue>>, at: readonly Segment[], xml: boolean, out: TreeDifference[]): Pair {
  if (xml) reportSequence(b, a, at, out);
  const nb = treeObject();
  const na = treeObject();
  for (const key of Object.keys(b)) {
    const bv = b[key] ?? null;
    if (!(key in a)) {
      nb[key] = bv;
      continue;
    }
    const [x, y] = alignValue(bv, a[key] ?? null, [...at, key], xml, out);
    nb[key] = x;
    na[key] = y;
  }
  for (const key of Object.keys(a)) if (!(key in b)) na[key] = a[key] ?? null;
  return [nb, na];
}

/** Child element names in document order (object keys keep insertion order; Clark names are never integer-like). */
function reportSequence(b: Readonly<Record<string, TreeValue>>, a: Readonly<Record<string, TreeValue>>, at: readonly Segment[], out: TreeDifference[]): void {
  const elements = (o: Readonly<Record<string, TreeValue>>, other: Readonly<Record<string, TreeValue>>): string[] =>
    Object.keys(o).filter((k) => k in other && parseTreeKey(k).role === 'member');
  const before = elements(b, a);
  const after = elements(a, b);
  if (before.some((k, i) => k !== after[i])) out.push({ kind: 'sequence', at, before, after });
}
