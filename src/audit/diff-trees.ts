import microdiff, { type Difference } from 'microdiff';
import { alignTrees } from './align-trees.ts';
import type { TreeDifference } from './tree-difference.ts';
import { parentOf, parseTreeKey, samePath, treeKey } from './tree-key.ts';
import { canonical, isEmptyValue, isTreeArray, isTreeObject, treeObject, type Segment, type TreeValue } from './tree-value.ts';

const ROOT = '$';

/**
 * The structural differences between two normalized bodies: microdiff compares the aligned trees
 * (see `alignTrees`), then removals and additions are paired into namespace changes (same local
 * name, same place, another URI), renames (same parent, same value, another name) and moves (same
 * name and value, another parent). A namespace change is compared further with the new URI read
 * as the old one, so its descendants are not all reported again.
 */
export function diffTrees(before: TreeValue, after: TreeValue, xml: boolean): TreeDifference[] {
  const aligned = alignTrees(before, after, xml);
  const raw = microdiff(wrap(aligned.before), wrap(aligned.after), { cyclesFix: false });
  return [...aligned.differences, ...pairUp(raw.map(unwrap), xml)];
}

function wrap(value: TreeValue): Record<string, TreeValue> {
  const root = treeObject();
  root[ROOT] = value;
  return root;
}

interface Raw {
  readonly type: Difference['type'];
  readonly at: readonly Segment[];
  readonly before: TreeValue;
  readonly after: TreeValue;
}

function unwrap(d: Difference): Raw {
  const at = d.path.slice(1);
  const before = (d.type === 'CREATE' ? null : d.oldValue) as TreeValue;
  const after = (d.type === 'REMOVE' ? null : d.value) as TreeValue;
  return { type: d.type, at, before, after };
}

function pairUp(raw: readonly Raw[], xml: boolean): TreeDifference[] {
  const removed = raw.filter((d) => d.type === 'REMOVE');
  const added = raw.filter((d) => d.type === 'CREATE');
  const index = indexAdditions(added);
  const used = new Set<Raw>();
  const out: TreeDifference[] = [];
  for (const d of raw) {
    if (d.type === 'CHANGE') out.push({ kind: 'value', at: d.at, before: d.before, after: d.after });
    if (d.type !== 'REMOVE' || used.has(d)) continue;
    const partner = findPartner(d, index, used, xml);
    if (partner === undefined) continue;
    // A move into a new container names the removal itself as partner: the container stays an addition.
    used.add(d).add(partner.raw);
    for (const difference of partner.differences) out.push(difference);
  }
  for (const list of [removed, added]) {
    for (const d of list) {
      if (used.has(d)) continue;
      const item = typeof d.at.at(-1) === 'number';
      out.push(d.type === 'REMOVE' ? { kind: 'removed', at: d.at, value: d.before, item } : { kind: 'added', at: d.at, value: d.after, item });
    }
  }
  return out;
}

interface Partner {
  readonly raw: Raw;
  readonly differences: readonly TreeDifference[];
}

/**
 * The additions, indexed so that pairing each removal costs about one lookup (a body with
 * 200,000 added and 200,000 removed members stays linear): by parent and name, by parent and
 * value, by name and value, and the added containers a removal may have moved into.
 */
interface AdditionIndex {
  readonly byName: ReadonlyMap<string, readonly Raw[]>;
  readonly byValue: ReadonlyMap<string, readonly Raw[]>;
  readonly byKeyAndValue: ReadonlyMap<string, readonly Raw[]>;
  readonly containers: readonly Raw[];
}

function indexAdditions(added: readonly Raw[]): AdditionIndex {
  const byName = new Map<string, Raw[]>();
  const byValue = new Map<string, Raw[]>();
  const byKeyAndValue = new Map<string, Raw[]>();
  const containers: Raw[] = [];
  for (const c of added) {
    if (typeof c.after === 'object' && c.after !== null) containers.push(c);
    const last = c.at.at(-1);
    if (typeof last !== 'string') continue;
    const key = parseTreeKey(last);
    const parent = pathKey(parentOf(c.at));
    const value = canonical(c.after);
    addTo(byName, `${parent}\u0000${key.role}\u0000${key.local}`, c);
    addTo(byValue, `${parent}\u0000${key.role}\u0000${value}`, c);
    addTo(byKeyAndValue, `${last}\u0000${value}`, c);
  }
  return { byName, byValue, byKeyAndValue, containers };
}

function addTo(map: Map<string, Raw[]>, key: string, raw: Raw): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [raw]);
  else list.push(raw);
}

function pathKey(at: readonly Segment[]): string {
  return JSON.stringify(at);
}

/** The addition that explains a removal, tried as a namespace change, then a rename, then a move. */
function findPartner(r: Raw, index: AdditionIndex, used: ReadonlySet<Raw>, xml: boolean): Partner | undefined {
  const last = r.at.at(-1);
  if (typeof last !== 'string') return undefined;
  const from = parseTreeKey(last);
  const parent = pathKey(parentOf(r.at));
  const free = (list: readonly Raw[] | undefined, ok: (c: Raw) => boolean): Raw | undefined => list?.find((c) => !used.has(c) && ok(c));
  const ns = xml ? free(index.byName.get(`${parent}\u0000${from.role}\u0000${from.local}`), (c) => parseTreeKey(String(c.at.at(-1))).ns !== from.ns) : undefined;
  if (ns !== undefined) return { raw: ns, differences: namespaceChange(r, ns, from.ns, parseTreeKey(String(ns.at.at(-1))).ns, xml) };
  if (weak(r.before)) return undefined;
  const same = canonical(r.before);
  const renamed = free(index.byValue.get(`${parent}\u0000${from.role}\u0000${same}`), (c) => c.at.at(-1) !== last);
  if (renamed !== undefined) return { raw: renamed, differences: [{ kind: 'renamed', at: r.at, to: renamed.at, value: r.before }] };
  const moved = free(index.byKeyAndValue.get(`${last}\u0000${same}`), (c) => !samePath(parentOf(c.at), parentOf(r.at)));
  if (moved !== undefined) return { raw: moved, differences: [{ kind: 'moved', at: r.at, to: moved.at, value: r.before }] };
  return movedIntoNew(r, last, same, index.containers);
}

/**
 * A removal whose name and value reappear inside a new container (`{"b":{"c":1}}` → `{"z":{"c":1}}`
 * with `b` kept). The container stays reported as added, so the partner is not consumed.
 */
function movedIntoNew(r: Raw, last: string, same: string, added: readonly Raw[]): Partner | undefined {
  for (const c of added) {
    const inner = findInside(c.after, last, same);
    if (inner !== undefined) return { raw: r, differences: [{ kind: 'moved', at: r.at, to: [...c.at, ...inner], value: r.before }] };
  }
  return undefined;
}

/** The path, inside `value`, of a member named `key` whose value has the canonical form `same`. */
function findInside(value: TreeValue, key: string, same: string): Segment[] | undefined {
  if (isTreeArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findInside(item, key, same);
      if (found !== undefined) return [i, ...found];
    }
    return undefined;
  }
  if (!isTreeObject(value)) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === key && canonical(v) === same) return [k];
    const found = findInside(v, key, same);
    if (found !== undefined) return [k, ...found];
  }
  return undefined;
}

/** Too little to recognise a value by: empty, null or a boolean. */
function weak(value: TreeValue): boolean {
  return isEmptyValue(value) || typeof value === 'boolean';
}

function namespaceChange(r: Raw, c: Raw, before: string, after: string, xml: boolean): TreeDifference[] {
  const inner = diffTrees(r.before, remapNamespace(c.after, after, before), xml);
  return [{ kind: 'namespace', at: r.at, to: c.at, before, after }, ...inner.map((d) => under(r.at, d))];
}

/** A copy of `value` in which names and QName values in namespace `from` are in `to`. */
function remapNamespace(value: TreeValue, from: string, to: string): TreeValue {
  if (typeof value === 'string') return value.startsWith(`{${from}}`) ? `{${to}}${value.slice(from.length + 2)}` : value;
  if (isTreeArray(value)) return value.map((v) => remapNamespace(v, from, to));
  if (!isTreeObject(value)) return value;
  const out = treeObject();
  for (const [key, v] of Object.entries(value)) {
    const k = parseTreeKey(key);
    out[k.role !== 'text' && k.ns === from ? treeKey(k.role, to, k.local) : key] = remapNamespace(v, from, to);
  }
  return out;
}

/** A difference found inside the subtree at `prefix`, with its paths made absolute. */
function under(prefix: readonly Segment[], d: TreeDifference): TreeDifference {
  if (d.kind === 'body') return d;
  const at = [...prefix, ...d.at];
  return 'to' in d ? { ...d, at, to: [...prefix, ...d.to] } : { ...d, at };
}
