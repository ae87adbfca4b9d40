import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingCache } from '../../../src/recording/recording-cache.ts';
import { CENTRA_RECORDINGS } from '../../helpers/paths.ts';

describe('createRecordingCache', () => {
  it('reads a file once for every consumer until it is released, then reads it afresh', async () => {
    const cache = createRecordingCache();
    const file = join(CENTRA_RECORDINGS, 'centra/invoices_Update/update-ok.har');
    const first = cache.read(file);
    expect(cache.read(file)).toBe(first);
    const har = await first;
    expect(har.ok).toBe(true);
    cache.release?.(file);
    const again = cache.read(file);
    expect(again).not.toBe(first);
    expect(await again).toEqual(har);
  });
});
