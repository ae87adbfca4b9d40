import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeGuardedFile } from '../../../src/pact/write-guarded-file.ts';

describe('writeGuardedFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pact-write-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the text and replaces an earlier file', async () => {
    const file = join(dir, 'p.json');
    await writeFile(file, 'old');
    await writeGuardedFile(file, '{"a":1}\n', ['s3cret-value']);
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n');
  });

  it('refuses a text holding a secret in any encoding and writes nothing', async () => {
    const file = join(dir, 'p.json');
    await expect(writeGuardedFile(file, `{"token":"${Buffer.from('s3cret-value').toString('base64')}"}`, ['s3cret-value'])).rejects.toThrow(/secret value\(s\) found/);
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses to write over a symlink', async () => {
    const target = join(dir, 'elsewhere.txt');
    await writeFile(target, 'keep');
    await symlink(target, join(dir, 'p.json'));
    await expect(writeGuardedFile(join(dir, 'p.json'), '{}\n', [])).rejects.toThrow(/not a regular file/);
    expect(await readFile(target, 'utf8')).toBe('keep');
  });
});
