// Whether the prebuilt bundle (dist/cli, built by scripts/build-bundle.mjs) may run instead of the TypeScript
// sources: src/cli/bin.js asks it for the CLI, src/pact/verifier-process.ts for the verifier child. Plain JS,
// like the bin, because the bin asks before the bundle or tsx loads.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when the bundle files `files` (paths relative to the package root `root`, a file: URL ending in `/`)
 * exist and no source file the bundle was built from changed since (dist/cli/manifest.json lists them with size
 * and mtime, and the lockfile, optional, as dependencies are bundled). False when CONFORMANCE_FROM_SOURCE=1.
 */
export function bundleIsFresh(root, files) {
  if (process.env.CONFORMANCE_FROM_SOURCE === '1') return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('dist/cli/manifest.json', root), 'utf8'));
    for (const file of files) statSync(new URL(file, root));
  } catch {
    return false;
  }
  // Plain paths, not a URL per file: this runs before every command, over some 400 files.
  const base = fileURLToPath(root);
  for (const file of manifest.files) {
    let s;
    try {
      s = statSync(base + file.path, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (s === undefined) {
      if (file.optional === true) continue;
      return false;
    }
    // Installed packages carry fixed mtimes, so "newer than the build" (not "different") marks an edit.
    if (s.size !== file.size || s.mtimeMs > Math.max(file.mtimeMs, manifest.builtAt)) return false;
  }
  return true;
}
