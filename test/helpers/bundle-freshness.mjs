// Whether dist/cli/ holds a build of the current sources, by the rule src/cli/bin.js applies before it runs
// the bundle (every file dist/cli/manifest.json lists is unchanged since the build), and with the build
// script itself no newer than the build. `npm test` builds first only when it is stale (`pretest`), and
// the package-install test packs without running `prepare` again when it is fresh: a build costs about
// 2 s, and a new build also gives the bundle a new build id, which empties the caches keyed by it.
// Run as a script, it exits 0 when the bundle is fresh and 1 when it is not.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);

/** The bundle's files src/cli/bin.js runs, and what else decides the build's output. */
const BUNDLE_FILES = ['dist/cli/main.mjs', 'dist/cli/program.mjs', 'dist/cli/program.cjs'];
const BUILD_INPUTS = ['scripts/build-bundle.mjs'];

/** True when the bundle exists and neither a file it was built from nor the build script changed since. */
export function bundleIsFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('dist/cli/manifest.json', root), 'utf8'));
    for (const file of BUNDLE_FILES) statSync(new URL(file, root));
    for (const file of BUILD_INPUTS) if (statSync(new URL(file, root)).mtimeMs > manifest.builtAt) return false;
  } catch {
    return false;
  }
  for (const file of manifest.files) {
    let s;
    try {
      s = statSync(new URL(file.path, root));
    } catch {
      if (file.optional === true) continue;
      return false;
    }
    if (s.size !== file.size || s.mtimeMs > Math.max(file.mtimeMs, manifest.builtAt)) return false;
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = bundleIsFresh() ? 0 : 1;
