// What both builds (build-bundle.mjs: dist/cli; build-library.mjs: dist/lib) write beside their bundle, and how
// they put it in place. The manifest is what src/entry/bundle-is-fresh.js reads to decide whether the bundle may
// run instead of the sources.
import { createHash } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** What the manifest says of a file: size and mtime (the quick check), and SHA-256 (where the mtime is the install's). */
async function describe(root, path) {
  const s = await stat(join(root, path));
  const sha256 = createHash('sha256').update(await readFile(join(root, path))).digest('hex');
  return { path: relative(root, join(root, path)), size: s.size, mtimeMs: s.mtimeMs, sha256 };
}

/**
 * Write `manifest.json` into `dir`: the build time, our own sources among esbuild's `inputs` (paths relative to
 * `root`; dependencies in node_modules are left out) and the lockfile, as dependencies are bundled too, so
 * `npm install x@y` makes the bundle stale. The lockfile is not packed, so an installed package has none, and
 * its absence does not count. `outputs` (optional) are the bundle's own files, so a partial copy is not run.
 * @param {{ root: string, dir: string, builtAt: number, inputs: readonly string[], outputs?: readonly { path: string, size: number }[] }} options
 * @returns {Promise<number>} how many files the bundle's freshness depends on
 */
export async function writeManifest({ root, dir, builtAt, inputs, outputs }) {
  const files = [];
  for (const path of inputs.filter((p) => !p.includes('node_modules/'))) files.push(await describe(root, path));
  const lock = await describe(root, 'package-lock.json').catch(() => undefined);
  if (lock !== undefined) files.push({ ...lock, optional: true });
  const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const manifest = { builtAt, files: files.sort(byPath), ...(outputs === undefined ? {} : { outputs: [...outputs].sort(byPath) }) };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  return files.length;
}

/**
 * Swap the finished folder `nextDir` in as `outDir`, so a process loading the bundle meanwhile sees the old
 * bundle or the new one, never a mix. When another build swapped its folder in meanwhile, built from the same
 * sources, that one is kept.
 */
export async function swapIn(nextDir, outDir) {
  const oldDir = `${nextDir}.old`;
  await rename(outDir, oldDir).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(nextDir, outDir).catch(async (error) => {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    await rm(nextDir, { recursive: true, force: true });
  });
  await rm(oldDir, { recursive: true, force: true });
}
