import { describe, expect, it } from 'vitest';
import { inOrder } from '../../../src/runner/in-order.ts';

describe('inOrder', () => {
  it('hands items on in index order however they arrive, each as soon as its predecessors have', () => {
    const seen: string[] = [];
    const fold = inOrder<string>((item) => seen.push(item));
    fold.put(2, 'c');
    fold.put(1, 'b');
    expect(seen).toEqual([]);
    fold.put(0, 'a');
    expect(seen).toEqual(['a', 'b', 'c']);
    fold.put(4, 'e');
    expect(fold.delivered()).toBe(3);
    fold.put(3, 'd');
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fold.delivered()).toBe(5);
  });
});
