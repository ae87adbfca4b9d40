// Builds the prebuilt CLI bundle that src/cli/bin.js runs when it is fresh: dist/cli/main.mjs (one ES module with
// the command line only, no command's code; the bin runs it for `--help`, `--version` and no arguments) and
// dist/cli/program.cjs with its loader dist/cli/program.mjs (one CommonJS file whose compiled code is kept across
// runs; the bin runs it for commands), and dist/cli/verify-child.cjs (the Pact verifier child).
// Runs as the `prepare` lifecycle script, so `npm ci` on a fresh clone builds it. The manifest beside the
// bundle lists every source file it was built from; the bin falls back to the TypeScript sources
// through tsx when any of them changed since, so development never runs stale code.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { swapIn, writeManifest } from './bundle-manifest.mjs';
import { CJS, ESM, PLAIN_ESM } from './esbuild-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'cli');
const nextDir = join(root, 'dist', 'cli.next');
await rm(nextDir, { recursive: true, force: true });
await mkdir(nextDir, { recursive: true });

/** Loaded from node_modules as published: the Pact FFI (native code) and tsx (the source fallback). */
const EXTERNAL = ['@pact-foundation/pact', '@pact-foundation/pact-core', 'tsx', 'tsx/*'];

/**
 * The commands themselves, left out of the help-only bundle: each register file imports its command when the
 * command runs, and through the bin a command always runs from program.cjs (main.mjs answers `--help`,
 * `--version` and no arguments, which run none). Each such import gets a module that says so, should anything
 * ever reach it, so main.mjs holds only the command line (commander, the register files, the project config).
 */
const helpOnly = {
  name: 'help-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/commands\/[a-z-]+\.ts$/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(join(root, 'src/cli/register'))) return undefined;
      return { path: basename(args.path, '.ts'), namespace: 'help-only' };
    });
    b.onLoad({ filter: /.*/, namespace: 'help-only' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`dist/cli/main.mjs answers --help and --version only; the ${args.path} command runs from dist/cli/program.cjs (src/cli/bin.js picks it)`)});\n`,
      loader: 'js',
    }));
  },
};

/**
 * Node built-ins a bundled package loads at start-up but uses only in a path the CLI never takes, loaded on
 * first use instead: commander requires `child_process` for executable subcommands (which the CLI has none
 * of), and with it `dgram`, `net` and their helpers, about 3 ms of every command's start.
 */
const LAZY_BUILTINS = [{ builtin: 'child_process', importer: '/node_modules/commander/' }];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      const lazy = LAZY_BUILTINS.find((l) => l.builtin === name && args.importer.includes(l.importer));
      return lazy === undefined ? undefined : { path: name, namespace: 'lazy-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(`node:${args.path}`)}));\nmodule.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });\n`,
      loader: 'js',
    }));
  },
};

/**
 * Escape what non-ASCII text esbuild left (it escapes strings, regular expressions and identifiers, not the
 * comments it keeps) as `\uXXXX`, which means the same there: an ASCII file is read into a one-byte string,
 * which Node decodes and V8 scans faster than the two-byte string a single non-ASCII character makes of 2 MB.
 */
function asciiOnly(text) {
  return text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const startedAt = Date.now();
const result = await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(nextDir, 'main.mjs'),
  ...ESM,
  // Pure-JS dependencies are bundled too: Node's loader resolving, reading and wrapping their hundreds
  // of small files cost more than running them (msw alone: 0.3 s of CPU from node_modules, 0.06 s
  // bundled). Packages with native code or that find their own files at run time stay external.
  external: EXTERNAL,
  plugins: [helpOnly, lazyBuiltins],
  // Caches of derived results (src/mutations/coverage-cache.ts) are keyed by the build that derived them.
  define: { 'process.env.CONFORMANCE_BUILD_ID': JSON.stringify(String(startedAt)) },
});

// The same program as one CommonJS file, which src/cli/cached-program.ts (dist/cli/program.mjs) runs through
// `node:vm` with V8's compiled code kept across runs: Node 20 keeps none for ES modules. The bin runs it for
// every command; `--help` and `--version` run main.mjs, which loads no engine. Dynamic imports of our commands
// become lazy initialisers in one file: the engine's code is compiled only where it runs, or read compiled.
const program = await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(nextDir, 'program.cjs'),
  write: false,
  ...CJS,
  external: EXTERNAL,
  define: { ...CJS.define, 'process.env.CONFORMANCE_BUILD_ID': JSON.stringify(String(startedAt)) },
  plugins: [lazyBuiltins],
});
for (const file of program.outputFiles) await writeFile(file.path, asciiOnly(file.text));
const loader = await build({
  entryPoints: [join(root, 'src/cli/cached-program.ts')],
  outfile: join(nextDir, 'program.mjs'),
  ...PLAIN_ESM,
});

// The Pact verifier child (src/pact/verify-child.ts), which src/pact/verifier-process.ts forks for `pact verify`
// and starts from here when the bundle is fresh, as the bin does: through tsx each child paid for registering it
// and for loading its TypeScript through tsx's hooks before verifying anything.
const child = await build({
  entryPoints: [join(root, 'src/pact/verify-child.ts')],
  outfile: join(nextDir, 'verify-child.cjs'),
  ...CJS,
  external: EXTERNAL,
});

// Our own sources decide staleness (not the build's virtual modules), and the lockfile (bundle-manifest.mjs).
const inputs = new Set([result, program, loader, child].flatMap((r) => Object.keys(r.metafile.inputs)));
const count = await writeManifest({ root, dir: nextDir, builtAt: startedAt, inputs: [...inputs].filter((p) => !/^(help-only|lazy-builtin):/.test(p)) });
await swapIn(nextDir, outDir);
console.error(`conformance: built dist/cli/main.mjs, dist/cli/program.cjs and dist/cli/verify-child.cjs from ${count} source files`);
