import { describe, expect, it } from 'vitest';
import { shardOwns, shardRange, shardSlice } from '../../../src/model/shard.ts';

describe('shards', () => {
  it('cut items into contiguous slices whose union is every item exactly once', () => {
    for (const count of [0, 1, 2, 7, 55, 100]) {
      for (const total of [1, 2, 3, 4, 7]) {
        const items = Array.from({ length: count }, (_, k) => k);
        const slices = Array.from({ length: total }, (_, i) => shardSlice(items, { index: i + 1, total }));
        expect(slices.flat()).toEqual(items);
        // Balanced: no slice is more than one item larger than another.
        const sizes = slices.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('give each position to exactly one shard, and every position to a run without shards', () => {
    for (let position = 0; position < 10; position++) {
      const owners = [1, 2, 3].filter((index) => shardOwns(position, 10, { index, total: 3 }));
      expect(owners).toHaveLength(1);
      expect(shardOwns(position, 10, undefined)).toBe(true);
    }
    expect(shardRange(10, { index: 3, total: 3 })).toEqual({ start: 6, end: 10 });
  });
});
