// Builds the prebuilt library bundle that the package's entries (src/entry/index.js for `.`, src/entry/msw.js
// for `./msw`) load when it is fresh: dist/lib/index.mjs and dist/lib/msw.mjs, ES modules sharing their
// chunks (one SuiteError class, one engine, for a consumer that imports both). Runs in `npm run build`, so
// `prepare` (`npm ci`, `npm pack`) builds it and the package ships it. The manifest beside it lists every
// source file it was built from and the bundle's own files; the entries fall back to the TypeScript sources
// through tsx when any of them changed since (src/entry/bundle-is-fresh.js, the bin's rules).
import { build } from 'esbuild';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { swapIn, writeManifest } from './bundle-manifest.mjs';
import { ESM } from './esbuild-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'lib');

/**
 * Loaded from the consumer's node_modules, never bundled. msw: the handlers must come from the very msw
 * instance the consumer's `setupServer` is (a bundled copy would keep its own state and classes). The
 * Pact FFI: native code. tsx: the source fallback only.
 */
const EXTERNAL = ['msw', 'msw/*', '@mswjs/*', '@pact-foundation/*', 'tsx', 'tsx/*'];

/** Packages whose code must never be inside the bundle (see EXTERNAL), as the metafile names their inputs. */
const NEVER_BUNDLED = /(^|\/)node_modules\/(msw|@mswjs|@pact-foundation|tsx)\//;

const startedAt = Date.now();
await mkdir(join(root, 'dist'), { recursive: true });
// A folder of this build's own: two builds at once (npm pack while the tests build) never write into each other.
const nextDir = await mkdtemp(join(root, 'dist', 'lib.next-'));
// mkdtemp makes it private (0700); the bundle is as readable as the rest of the package.
await chmod(nextDir, 0o755);
// A failed build leaves no half-written folder behind in dist/ (which the package ships).
process.on('exit', (code) => {
  if (code !== 0) rmSync(nextDir, { recursive: true, force: true });
});
const result = await build({
  entryPoints: { index: join(root, 'src/index.ts'), msw: join(root, 'src/msw/index.ts') },
  absWorkingDir: root,
  outdir: nextDir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  ...ESM,
  // Pure-JS dependencies are bundled (resolving and wrapping their many small files costs more than running them).
  external: EXTERNAL,
  // Caches of derived results (src/mutations/coverage-cache.ts) are keyed by the build that derived them.
  define: { 'process.env.CONFORMANCE_BUILD_ID': JSON.stringify(`lib-${startedAt}`) },
});

const inputs = Object.keys(result.metafile.inputs);
const bundledByMistake = inputs.filter((p) => NEVER_BUNDLED.test(p));
if (bundledByMistake.length > 0) throw new Error(`build-library: these must stay external, yet were bundled: ${bundledByMistake.slice(0, 5).join(', ')}`);

// The bundle's own files, as they will sit in dist/lib/ (a copy missing a chunk is not run); the metafile's paths
// are relative to absWorkingDir, the package root.
const outputs = Object.entries(result.metafile.outputs).map(([path, out]) => ({ path: relative(root, join(outDir, relative(nextDir, join(root, path)))), size: out.bytes }));
const count = await writeManifest({ root, dir: nextDir, builtAt: startedAt, inputs, outputs });
await swapIn(nextDir, outDir);
console.error(`conformance: built dist/lib/index.mjs and dist/lib/msw.mjs from ${count} source files`);
