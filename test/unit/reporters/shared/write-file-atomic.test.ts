import { mkdtemp, readdir, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../reporters/shared/write-file-atomic.ts';

describe('writeFileAtomic', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-file-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates missing directories and writes the complete content', async () => {
    const path = join(dir, 'a', 'b', 'report.xml');
    const data = `<x>${'é'.repeat(100_000)}</x>\n`;
    await writeFileAtomic(path, data);
    expect(await readFile(path, 'utf8')).toBe(data);
  });

  it('replaces an existing file and leaves no temp file behind', async () => {
    const path = join(dir, 'report.json');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('removes its temp file and rethrows when the rename fails', async () => {
    // A directory at the target path makes the final rename fail after the temp file was written.
    const path = join(dir, 'taken');
    await mkdir(path);
    await expect(writeFileAtomic(path, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });
});
