// Whether dist/cli/ and dist/lib/ hold builds of the current sources: each bundle is fresh by the rule the bin
// and the library entries apply before running it (src/entry/bundle-is-fresh.js), and no build script is newer
// than the build. `npm test` builds first only when one is stale (`pretest`), and the package-install test packs
// without running `prepare` again when both are fresh: a build costs about 2 s, and a new build also gives the
// bundle a new build id, which empties the caches keyed by it. Run as a script, it exits 0 when both are fresh
// and 1 when not.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from '../src/entry/bundle-is-fresh.js';

const root = new URL('../', import.meta.url);

/** Each bundle: its manifest, the files that must be there, and the scripts that decide its output. */
const BUNDLES = [
  { manifest: 'dist/cli/manifest.json', files: ['dist/cli/main.mjs', 'dist/cli/program.mjs', 'dist/cli/program.cjs', 'dist/cli/verify-child.cjs'], scripts: ['scripts/build-bundle.mjs', 'scripts/bundle-manifest.mjs', 'scripts/esbuild-options.mjs'] },
  { manifest: 'dist/lib/manifest.json', files: ['dist/lib/index.mjs', 'dist/lib/msw.mjs'], scripts: ['scripts/build-library.mjs', 'scripts/bundle-manifest.mjs', 'scripts/esbuild-options.mjs'] },
];

/** True when both bundles are builds of the current sources by the current build scripts. */
export function bundlesAreFresh() {
  return BUNDLES.every(({ manifest, files, scripts }) => bundleIsFresh(root, manifest, files, {}) && scripts.every((s) => !newerThanBuild(s, manifest)));
}

function newerThanBuild(script, manifest) {
  try {
    return statSync(new URL(script, root)).mtimeMs > JSON.parse(readFileSync(new URL(manifest, root), 'utf8')).builtAt;
  } catch {
    return true;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = bundlesAreFresh() ? 0 : 1;
