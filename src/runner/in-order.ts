/** Items that arrive in any order, handed on in index order. */
export interface InOrder<T> {
  /** Item `index` (0-based, each once) arrived; it and any waiting successors are handed on. */
  put(index: number, item: T): void;
  /** How many items were handed on. */
  delivered(): number;
}

/**
 * Hand items on in index order however they arrive: an item waits only while an earlier one is
 * missing (with a bounded number of cases in flight, a few), and is dropped once handed on.
 */
export function inOrder<T>(deliver: (item: T) => void): InOrder<T> {
  const waiting = new Map<number, T>();
  let next = 0;
  return {
    put(index, item) {
      waiting.set(index, item);
      while (waiting.has(next)) {
        const ready = waiting.get(next) as T;
        waiting.delete(next);
        next++;
        deliver(ready);
      }
    },
    delivered: () => next,
  };
}
