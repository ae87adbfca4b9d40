#!/usr/bin/env node
// Plain-JS entry so the bin starts from any directory. It runs the prebuilt bundle (built by `npm run build`,
// which `npm ci` runs as `prepare`) when the bundle is fresh: dist/cli/program.mjs for a command (the program
// as CommonJS, its compiled code kept across runs: src/cli/cached-program.ts), dist/cli/main.mjs (ES modules,
// split per command, so no engine loads) for `--help`, `--version` or no arguments. Otherwise it
// registers tsx from this file's location (not the caller's cwd) and imports the TypeScript sources.
// Set CONFORMANCE_FROM_SOURCE=1 to force the sources.
import { readFileSync, statSync } from 'node:fs';
import { delayTierUp, enableCompileCache, limitHeapGrowth } from './tune-v8.js';

// Before any of the program loads: later TurboFan tier-up and, on Node 22+, a compile cache (see tune-v8.js).
delayTierUp();
enableCompileCache();
// `run` only: a smaller old-generation growth step (see tune-v8.js).
limitHeapGrowth();

const root = new URL('../../', import.meta.url);
const argv = process.argv.slice(2);

/** What runs without loading the engine: both bundles answer any arguments alike, this one does it sooner. */
const ENGINE_FREE = new Set(['--help', '-h', '--version', '-V', 'help']);
const bundleFiles = argv.length === 0 || ENGINE_FREE.has(argv[0]) ? ['dist/cli/main.mjs'] : ['dist/cli/program.mjs', 'dist/cli/program.cjs'];

/** True when the bundle exists and no source file it was built from changed since. */
function bundleIsFresh() {
  if (process.env.CONFORMANCE_FROM_SOURCE === '1') return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('dist/cli/manifest.json', root), 'utf8'));
    for (const file of bundleFiles) statSync(new URL(file, root));
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
    // Installed packages carry fixed mtimes, so "newer than the build" (not "different") marks an edit.
    if (s.size !== file.size || s.mtimeMs > Math.max(file.mtimeMs, manifest.builtAt)) return false;
  }
  return true;
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(new URL(bundleFiles[0], root).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(argv);
