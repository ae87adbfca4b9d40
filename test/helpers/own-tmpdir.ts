import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Give each test of the calling `describe` its own `$TMPDIR` (a fresh folder, removed afterwards, the real one
 * restored), so the private store (src/contract/private-store.ts) starts empty. Returns the path of one of the
 * store's folders (`validators`, `coverage`...) under the current test's `$TMPDIR`.
 */
export function ownTmpdir(prefix: string): (folder: string) => string {
  const realTmp = process.env['TMPDIR'];
  let tmp = '';
  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), prefix));
    process.env['TMPDIR'] = tmp;
  });
  afterEach(async () => {
    if (realTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = realTmp;
    await rm(tmp, { recursive: true, force: true });
  });
  return (folder) => join(tmp, `invoice-update-conformance-${process.getuid?.() ?? 'user'}`, folder);
}
