import type { Segment } from './tree-value.ts';

/** Key of the mixed text of an XML element that also has attributes or children. */
export const TEXT_KEY = '#text';

/** What a tree key names: an element or JSON member, an XML attribute, or mixed text. */
export interface TreeKey {
  readonly role: 'member' | 'attribute' | 'text';
  /** Namespace URI (`''` for none, and for JSON keys). */
  readonly ns: string;
  readonly local: string;
}

/**
 * Split a key into namespace URI and local name: `{uri}local`, `@{uri}local`, `#text`, or a plain
 * (JSON or unqualified) key. Array indices are not keys.
 */
export function parseTreeKey(key: string): TreeKey {
  if (key === TEXT_KEY) return { role: 'text', ns: '', local: key };
  const attribute = key.startsWith('@');
  const name = attribute ? key.slice(1) : key;
  const close = name.startsWith('{') ? name.indexOf('}') : -1;
  const ns = close === -1 ? '' : name.slice(1, close);
  return { role: attribute ? 'attribute' : 'member', ns, local: close === -1 ? name : name.slice(close + 1) };
}

/** Build a key from its parts (the inverse of {@link parseTreeKey} for members and attributes). */
export function treeKey(role: 'member' | 'attribute', ns: string, local: string): string {
  const name = ns === '' ? local : `{${ns}}${local}`;
  return role === 'attribute' ? `@${name}` : name;
}

/** The local name of a path's last key, or undefined when it ends in an array index. */
export function lastLocal(at: readonly Segment[]): string | undefined {
  const last = at.at(-1);
  return typeof last === 'string' ? parseTreeKey(last).local : undefined;
}

/** The parent of a path. */
export function parentOf(at: readonly Segment[]): readonly Segment[] {
  return at.slice(0, -1);
}

/** True when two paths are the same. */
export function samePath(a: readonly Segment[], b: readonly Segment[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
