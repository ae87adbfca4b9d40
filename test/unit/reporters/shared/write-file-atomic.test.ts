import { execFileSync } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, readlink, rm, mkdir, symlink } from 'node:fs/promises';
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

describe('writeFileAtomic on links and devices', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-file-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the target of a symlink and keeps the link, also when the target does not exist yet', async () => {
    const target = join(dir, 'real.xml');
    const link = join(dir, 'link.xml');
    await symlink(target, link);
    await writeFileAtomic(link, 'first');
    await writeFileAtomic(link, 'second');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('second');
  });

  it('writes a FIFO directly instead of replacing it with a file', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = readFile(fifo, 'utf8');
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await reader).toBe('through the pipe');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('writes /dev/null without replacing it', async () => {
    await writeFileAtomic('/dev/null', 'discarded');
    expect((await lstat('/dev/null')).isCharacterDevice()).toBe(true);
  });
});
