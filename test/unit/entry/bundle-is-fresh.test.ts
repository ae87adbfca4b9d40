import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleIsFresh } from '../../../src/entry/bundle-is-fresh.js';

const MANIFEST = 'dist/lib/manifest.json';
const HOUR = 3_600_000;

interface Options {
  /** Write each file's SHA-256 (as scripts/build-library.mjs does). @default true */
  readonly hashes?: boolean;
}

/**
 * A package folder with one source, a lockfile and a one-file bundle, all an hour old, and the manifest the
 * build writes of them (builtAt: half an hour ago), with the source's SHA-256.
 */
async function makePackage(dir: string, options: Options = {}): Promise<void> {
  await mkdir(join(dir, 'src'), { recursive: true });
  await mkdir(join(dir, 'dist', 'lib'), { recursive: true });
  await writeFile(join(dir, 'src', 'index.ts'), 'export const answer = 42;\n');
  await writeFile(join(dir, 'package-lock.json'), '{}\n');
  await writeFile(join(dir, 'dist', 'lib', 'index.mjs'), 'export const answer = 42;\n');
  for (const f of ['src/index.ts', 'package-lock.json', 'dist/lib/index.mjs']) await setAge(join(dir, f), HOUR);
  const entryOf = async (path: string) => {
    const s = await stat(join(dir, path));
    const sha256 = createHash('sha256').update(await readFile(join(dir, path))).digest('hex');
    return { path, size: s.size, mtimeMs: s.mtimeMs, ...(options.hashes === false || path !== 'src/index.ts' ? {} : { sha256 }) };
  };
  const files = [await entryOf('src/index.ts'), { ...(await entryOf('package-lock.json')), optional: true }];
  const outputs = [{ path: 'dist/lib/index.mjs', size: (await stat(join(dir, 'dist', 'lib', 'index.mjs'))).size }];
  await writeFile(join(dir, MANIFEST), JSON.stringify({ builtAt: Date.now() - HOUR / 2, files, outputs }));
}

async function setAge(path: string, ageMs: number): Promise<void> {
  const t = new Date(Date.now() - ageMs);
  await utimes(path, t, t);
}

describe('bundleIsFresh', () => {
  let dir: string;
  let root: URL;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-fresh-'));
    root = pathToFileURL(`${dir}/`);
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is fresh when no source, nor the lockfile, changed since the build', async () => {
    await makePackage(dir);
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(true);
  });

  it('is stale when a source was edited after the build', async () => {
    await makePackage(dir);
    await writeFile(join(dir, 'src', 'index.ts'), 'export const answer = 43;\n');
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
  });

  it('is stale when a source changed size, even with an old mtime', async () => {
    await makePackage(dir);
    await writeFile(join(dir, 'src', 'index.ts'), 'export const answer = 4242;\n');
    await setAge(join(dir, 'src', 'index.ts'), HOUR);
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
  });

  it('is fresh when every file is newer than the build but has the content it was built from, as npm installs a package', async () => {
    await makePackage(dir);
    // npm sets each installed file's mtime to the install's time: the same bytes, written now.
    await writeFile(join(dir, 'src', 'index.ts'), 'export const answer = 42;\n');
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(true);
  });

  it('is stale when a file newer than the build has no hash in the manifest to compare with', async () => {
    await makePackage(dir, { hashes: false });
    await writeFile(join(dir, 'src', 'index.ts'), 'export const answer = 42;\n');
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
  });

  it('is stale when a source it was built from is gone', async () => {
    await makePackage(dir);
    await rm(join(dir, 'src', 'index.ts'));
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
  });

  it('is stale when the lockfile changed (dependencies are bundled), and fresh when it is absent, as in an installed package', async () => {
    await makePackage(dir);
    await writeFile(join(dir, 'package-lock.json'), '{"x":1}\n');
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
    await rm(join(dir, 'package-lock.json'));
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(true);
  });

  it('is stale when a file of the bundle is missing or not the size it was built with', async () => {
    await makePackage(dir);
    await writeFile(join(dir, 'dist', 'lib', 'index.mjs'), 'export const answer = 4;\n');
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
    await rm(join(dir, 'dist', 'lib', 'index.mjs'));
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
  });

  it('is stale when a required file is missing', async () => {
    await makePackage(dir);
    expect(bundleIsFresh(root, MANIFEST, ['dist/lib/index.mjs'], {})).toBe(true);
    expect(bundleIsFresh(root, MANIFEST, ['dist/lib/msw.mjs'], {})).toBe(false);
  });

  it('is stale without a manifest, or with one that is not the build output', async () => {
    await makePackage(dir);
    await writeFile(join(dir, MANIFEST), '{"files":');
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
    await writeFile(join(dir, MANIFEST), '{"files":[]}');
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
    await rm(join(dir, MANIFEST));
    expect(bundleIsFresh(root, MANIFEST, [], {})).toBe(false);
  });

  it('is stale when CONFORMANCE_FROM_SOURCE=1, and only for the value 1', async () => {
    await makePackage(dir);
    expect(bundleIsFresh(root, MANIFEST, [], { CONFORMANCE_FROM_SOURCE: '1' })).toBe(false);
    expect(bundleIsFresh(root, MANIFEST, [], { CONFORMANCE_FROM_SOURCE: '' })).toBe(true);
  });
});
