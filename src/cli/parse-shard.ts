import { SuiteError } from '../errors.ts';
import type { Shard } from '../model/shard.ts';

/** Most shards one run may be cut into (a bound on `--shard i/n`). */
export const MAX_SHARDS = 1000;

/**
 * `--shard i/n` (1-based, `1 <= i <= n <= MAX_SHARDS`); undefined when the flag is absent.
 * @throws SuiteError `USAGE` for anything else (`0/3`, `4/3`, `abc`).
 */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(value.trim());
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (m === null || total < 1 || total > MAX_SHARDS) {
    throw new SuiteError('USAGE', `--shard "${value}" is not INDEX/TOTAL with 1 <= TOTAL <= ${MAX_SHARDS} (e.g. --shard 2/3).`);
  }
  if (index < 1 || index > total) throw new SuiteError('USAGE', `--shard ${value}: INDEX must be between 1 and ${total} (shards are numbered from 1).`);
  return { index, total };
}
