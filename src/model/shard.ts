/**
 * One CI machine's part of a run: `--shard 2/3` is `{ index: 2, total: 3 }` (1-based). The work is
 * cut into `total` contiguous slices of a fixed order (contracts in load order, then their cases;
 * for `check`, entries in file order), so the slices' union is the whole, each item exactly once,
 * and merging the shards' reports in shard order restores the unsharded order.
 */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** The half-open range `[start, end)` of `count` ordered items that a shard owns. */
export function shardRange(count: number, shard: Shard): { readonly start: number; readonly end: number } {
  return { start: Math.floor(((shard.index - 1) * count) / shard.total), end: Math.floor((shard.index * count) / shard.total) };
}

/** Whether the shard owns the item at 0-based `position` of `count` ordered items. */
export function shardOwns(position: number, count: number, shard: Shard | undefined): boolean {
  if (shard === undefined) return true;
  const { start, end } = shardRange(count, shard);
  return position >= start && position < end;
}

/** The items a shard owns, in order (all of them without a shard). */
export function shardSlice<T>(items: readonly T[], shard: Shard | undefined): readonly T[] {
  if (shard === undefined) return items;
  const { start, end } = shardRange(items.length, shard);
  return items.slice(start, end);
}
