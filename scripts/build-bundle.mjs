// Builds the prebuilt CLI bundle (dist/cli/main.mjs) that src/cli/bin.js runs when it is fresh.
// Runs as the `prepare` lifecycle script, so `npm ci` on a fresh clone builds it. The manifest beside the
// bundle lists every source file it was built from; the bin falls back to the TypeScript sources
// through tsx when any of them changed since, so development never runs stale code.
import { build } from 'esbuild';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist', 'cli');
await mkdir(outDir, { recursive: true });

const startedAt = Date.now();
const result = await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(outDir, 'main.mjs.tmp'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native code and its loader stay in node_modules.
  external: ['@pact-foundation/pact', '@pact-foundation/pact-core'],
  // CommonJS dependencies inside an ESM bundle call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});

// Only our own sources decide staleness; dependencies change through npm ci, which rebuilds.
const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'));
const files = [];
for (const path of sources) {
  const s = await stat(join(root, path));
  files.push({ path: relative(root, join(root, path)), size: s.size, mtimeMs: s.mtimeMs });
}
const manifest = { builtAt: startedAt, files: files.sort((a, b) => a.path.localeCompare(b.path)) };
await writeFile(join(outDir, 'manifest.json.tmp'), `${JSON.stringify(manifest)}\n`);
await rename(join(outDir, 'main.mjs.tmp'), join(outDir, 'main.mjs'));
await rename(join(outDir, 'manifest.json.tmp'), join(outDir, 'manifest.json'));
console.error(`conformance: built dist/cli/main.mjs from ${files.length} source files`);
