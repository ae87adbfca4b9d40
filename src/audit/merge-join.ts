/** One key of a merge-join, with which sides have it. */
export interface Joined<K> {
  readonly key: K;
  readonly left: boolean;
  readonly right: boolean;
}

/**
 * Walk the union of two sorted streams in order, holding one item of each at a time. Both
 * streams must be sorted by `compare` and free of repeats.
 */
export async function* mergeJoin<K>(left: AsyncIterable<K>, right: AsyncIterable<K>, compare: (a: K, b: K) => number): AsyncGenerator<Joined<K>> {
  const l = left[Symbol.asyncIterator]();
  const r = right[Symbol.asyncIterator]();
  let a = await l.next();
  let b = await r.next();
  while (a.done !== true || b.done !== true) {
    const order = a.done === true ? 1 : b.done === true ? -1 : compare(a.value, b.value);
    if (order === 0 && a.done !== true) {
      yield { key: a.value, left: true, right: true };
      [a, b] = await Promise.all([l.next(), r.next()]);
    } else if (order < 0 && a.done !== true) {
      yield { key: a.value, left: true, right: false };
      a = await l.next();
    } else if (b.done !== true) {
      yield { key: b.value, left: false, right: true };
      b = await r.next();
    }
  }
}
