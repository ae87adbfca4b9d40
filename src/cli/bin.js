#!/usr/bin/env node
// Plain-JS entry so the bin starts from any directory. It runs the prebuilt bundle (built by `npm run build`,
// which `npm ci` runs as `prepare`) when the bundle is fresh: dist/cli/program.mjs for a command (the program
// as CommonJS, its compiled code kept across runs: src/cli/cached-program.ts), dist/cli/main.mjs (one ES module
// with the command line and none of the commands' code) for `--help`, `--version` or no arguments. Otherwise it
// registers tsx from this file's location (not the caller's cwd) and imports the TypeScript sources.
// Set CONFORMANCE_FROM_SOURCE=1 to force the sources.
import { bundleIsFresh } from '../entry/bundle-is-fresh.js';
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

let main;
if (bundleIsFresh(root, 'dist/cli/manifest.json', bundleFiles)) {
  ({ main } = await import(new URL(bundleFiles[0], root).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(argv);
