// Whether a prebuilt bundle may run instead of the TypeScript sources: src/cli/bin.js asks it for the CLI
// (dist/cli), src/pact/verifier-process.ts for the verifier child, the library entries (load-entry.js) for
// dist/lib. Plain JS, because it runs before either the bundle or tsx loads. The bundle's manifest
// (written by the build beside it) lists every source file it was built from, with size, mtime and SHA-256, and
// the lockfile (optional: an installed package ships none); any of them changed since the build, a missing
// output, or CONFORMANCE_FROM_SOURCE=1, and the sources run instead, so development never runs stale code.
// A file newer than the build is compared by content: npm installs a package with the install's time as every
// file's mtime, so there "newer" alone would mark every file changed, and the bundle would never run.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} ManifestFile
 * @property {string} path relative to the package root
 * @property {number} size bytes at build time
 * @property {number} [mtimeMs] modification time at build time (sources and the lockfile)
 * @property {string} [sha256] hex SHA-256 of the content at build time; without it, a file newer than the build is changed
 * @property {boolean} [optional] its absence does not count (the lockfile)
 */

/**
 * True when the bundle whose manifest is `manifestPath` exists in full and nothing it was built from changed.
 * @param {URL} root the package root (a folder URL ending in `/`)
 * @param {string} manifestPath the manifest, relative to `root` (e.g. `dist/lib/manifest.json`)
 * @param {readonly string[]} [required] further files that must exist, relative to `root` @default []
 * @param {Readonly<Record<string, string | undefined>>} [env] @default process.env
 * @returns {boolean}
 */
export function bundleIsFresh(root, manifestPath, required = [], env = process.env) {
  if (env.CONFORMANCE_FROM_SOURCE === '1') return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL(manifestPath, root), 'utf8'));
    for (const file of required) statSync(new URL(file, root));
  } catch {
    return false;
  }
  if (!Array.isArray(manifest.files) || typeof manifest.builtAt !== 'number') return false;
  // The bundle's own files, when the manifest lists them: a partial copy (a chunk missing or cut short) is not run.
  for (const file of manifest.outputs ?? []) if (sizeOf(root, file.path) !== file.size) return false;
  // Plain paths, not a URL per file: the bin runs this before every command, over some 400 files.
  const base = fileURLToPath(root);
  return manifest.files.every((file) => sourceUnchanged(base, file, manifest.builtAt));
}

/**
 * @param {string} base the package root as a path ending in `/`
 * @param {ManifestFile} file
 * @param {number} builtAt
 */
function sourceUnchanged(base, file, builtAt) {
  let s;
  try {
    s = statSync(base + file.path, { throwIfNoEntry: false });
  } catch {
    return false;
  }
  if (s === undefined) return file.optional === true;
  if (s.size !== file.size) return false;
  if (s.mtimeMs <= Math.max(file.mtimeMs ?? 0, builtAt)) return true;
  return file.sha256 !== undefined && sha256Of(base + file.path) === file.sha256;
}

/** @param {string} path */
function sha256Of(path) {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * @param {URL} root
 * @param {string} path
 * @returns {number | undefined}
 */
function sizeOf(root, path) {
  try {
    return statSync(new URL(path, root)).size;
  } catch {
    return undefined;
  }
}
