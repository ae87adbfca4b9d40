import { describe, expect, it } from 'vitest';
import { utf8Join } from '../../../../reporters/shared/utf8-join.ts';

describe('utf8Join growing its store', () => {
  it('keeps every byte through several doublings of many small parts with multi-byte characters', () => {
    const parts = Array.from({ length: 200_000 }, (_, i) => `{"n":${i},"t":"é€🧾"}\n`);
    const joined = utf8Join(parts);
    expect(joined.length).toBe(Buffer.byteLength(parts.join(''), 'utf8'));
    expect(joined.equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });

  it('takes one part larger than twice the store at once', () => {
    const parts = ['head ', 'x'.repeat(3 * 1024 * 1024) + '€', ' tail'];
    expect(utf8Join(parts).toString('utf8')).toBe(parts.join(''));
  });
});
