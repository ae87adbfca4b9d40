import { describe, expect, it } from 'vitest';
import { parseShard } from '../../../src/cli/parse-shard.ts';
import { isSuiteError } from '../../../src/errors.ts';

function usageError(value: string): string {
  try {
    parseShard(value);
  } catch (error) {
    if (isSuiteError(error) && error.code === 'USAGE') return error.message;
    throw error;
  }
  throw new Error(`--shard ${value} was accepted`);
}

describe('parseShard', () => {
  it('reads INDEX/TOTAL, 1-based, and nothing when the flag is absent', () => {
    expect(parseShard('1/3')).toEqual({ index: 1, total: 3 });
    expect(parseShard('3/3')).toEqual({ index: 3, total: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, total: 1 });
    expect(parseShard(undefined)).toBeUndefined();
  });

  it('refuses 0/3, 4/3, 1/0, abc, 1/3/5 and a negative index as usage errors that say what is expected', () => {
    expect(usageError('0/3')).toMatch(/between 1 and 3/);
    expect(usageError('4/3')).toMatch(/between 1 and 3/);
    for (const bad of ['1/0', 'abc', '1/3/5', '-1/3', '', '2/99999']) expect(usageError(bad)).toMatch(/INDEX\/TOTAL/);
  });
});
