/**
 * A response body normalized for comparison. XML elements are keyed by Clark name (`{uri}local`),
 * attributes by `@{uri}local`, mixed text by `#text`; repeated siblings are arrays. JSON is kept
 * as parsed. Objects have no prototype, so keys such as `constructor` or `__proto__` are plain data.
 */
export type TreeValue = string | number | boolean | null | readonly TreeValue[] | TreeObject;

/** An object node of a {@link TreeValue}. */
export interface TreeObject {
  readonly [key: string]: TreeValue;
}

/** One step of a path into a tree: an object key or an array index. */
export type Segment = string | number;

/** A fresh prototype-less object, safe for untrusted keys. */
export function treeObject(): Record<string, TreeValue> {
  return Object.create(null) as Record<string, TreeValue>;
}

/** True for a non-array object node. */
export function isTreeObject(value: TreeValue | undefined): value is TreeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an array node. */
export function isTreeArray(value: TreeValue | undefined): value is readonly TreeValue[] {
  return Array.isArray(value);
}

/** A value that carries nothing: null, an empty string, an empty object or an empty array. */
export function isEmptyValue(value: TreeValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (isTreeArray(value)) return value.length === 0;
  return isTreeObject(value) && Object.keys(value).length === 0;
}

/** A key-order-independent text form of a value, for equality and multiset matching. */
export function canonical(value: TreeValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (isTreeArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isTreeObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * True when two trees hold the same data (what {@link canonical} compares, without building the
 * text). With `ordered` (XML, where the sequence of child elements counts) members must also come
 * in the same order. Iterative, so a wide or deep body cannot overflow the stack.
 */
export function treeEquals(a: TreeValue, b: TreeValue, ordered = false): boolean {
  const stack: Array<readonly [TreeValue, TreeValue]> = [[a, b]];
  for (let pair = stack.pop(); pair !== undefined; pair = stack.pop()) {
    const [x, y] = pair;
    if (x === y) continue;
    if (isTreeArray(x)) {
      if (!isTreeArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) stack.push([x[i] ?? null, y[i] ?? null]);
    } else if (isTreeObject(x)) {
      if (!isTreeObject(y)) return false;
      const keys = Object.keys(x);
      const other = Object.keys(y);
      if (keys.length !== other.length) return false;
      for (const [i, k] of keys.entries()) {
        if (ordered ? other[i] !== k : !(k in y)) return false;
        stack.push([x[k] ?? null, y[k] ?? null]);
      }
    } else return false;
  }
  return true;
}
