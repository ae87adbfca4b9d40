import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../helpers/paths.ts';

// What the bin really loads from the prebuilt bundle (dist/cli, built by `npm run build`, which `npm test` runs
// first): each command runs in a child process whose module loading is recorded, through CommonJS (Node's
// `Module._load`), ES module resolution (a `module.register` hook) and Node's own list of built-ins it loaded.
const DIST = repoPath('dist/cli');
const built = existsSync(join(DIST, 'main.mjs'));
const exec = promisify(execFile);

/** Recorded by the child at exit, in the file named by LOADS_LOG. */
interface Loads {
  /** Every `require` of a package or file (not a built-in). */
  readonly required: string[];
  /** Every ES module resolved (file: URLs). */
  readonly imported: string[];
  /** The built-in modules Node loaded (`process.moduleLoadList`), e.g. `http`, `internal/deps/undici/undici`. */
  readonly builtins: string[];
  /** The files read with readFileSync under dist/cli (program.mjs reads program.cjs so). */
  readonly readFromDist: string[];
}

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) appendFileSync(process.env.LOADS_LOG + '.esm', resolved.url + '\\n');
  return resolved;
}
`;

const PRELOAD = `const Module = require('node:module');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
Module.register(pathToFileURL(process.env.LOADS_HOOKS));
const required = [];
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!Module.isBuiltin(request)) required.push(request);
  return load.call(this, request, ...rest);
};
const readFromDist = [];
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (String(path).includes('/dist/cli/')) readFromDist.push(String(path).replace(/^.*\\/dist\\/cli\\//, ''));
  return readFileSync.call(this, path, ...rest);
};
process.on('exit', () => {
  let imported = [];
  try { imported = readFileSync(process.env.LOADS_LOG + '.esm', 'utf8').split('\\n').filter(Boolean); } catch {}
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  fs.writeFileSync(process.env.LOADS_LOG, JSON.stringify({ required, imported, builtins, readFromDist }));
});
`;

describe.skipIf(!built)('what the bin loads from the bundle', () => {
  let dir: string;
  let runs = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-bundle-loads-'));
    await writeFile(join(dir, 'preload.cjs'), PRELOAD);
    await writeFile(join(dir, 'hooks.mjs'), HOOKS);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Run the bin with `args`, and what it loaded. */
  async function loadsOf(args: readonly string[]): Promise<Loads> {
    runs += 1;
    const log = join(dir, `loads-${runs}.json`);
    const env = { ...process.env, LOADS_LOG: log, LOADS_HOOKS: join(dir, 'hooks.mjs'), CONFORMANCE_FROM_SOURCE: '', NO_COLOR: '1' };
    await exec(process.execPath, ['--require', join(dir, 'preload.cjs'), repoPath('src/cli/bin.js'), ...args], { cwd: repoPath(), env }).catch((error: { code?: number }) => {
      // A conformance failure (exit 1) still ran; anything else did not.
      if (error.code !== 1) throw error;
    });
    const loads = JSON.parse(readFileSync(log, 'utf8')) as Loads;
    // The sources through tsx would load tsx: the bundle is stale, and nothing here would say anything.
    expect(loads.imported.filter((u) => u.includes('/node_modules/tsx/')), 'the bin ran the sources: run `npm run build`').toEqual([]);
    return loads;
  }

  /** The bundle files the bin loaded (its manifest.json, which it reads to decide, aside). */
  const fromDist = (loads: Loads): string[] => {
    const files = [...loads.imported.filter((u) => u.includes('/dist/cli/')).map((u) => u.replace(/^.*\/dist\/cli\//, '')), ...loads.readFromDist];
    return [...new Set(files)].filter((f) => f !== 'manifest.json').sort();
  };

  it('answers --help, --version and no arguments from main.mjs alone, with no HTTP stack, child_process or package from node_modules loaded', async () => {
    for (const args of [['--help'], ['--version'], []]) {
      const loads = await loadsOf(args);
      expect(fromDist(loads), args.join(' ')).toEqual(['main.mjs']);
      expect(loads.builtins.filter((b) => ['http', 'https', 'internal/deps/undici/undici', 'child_process'].includes(b)), args.join(' ')).toEqual([]);
      // The project's package.json is read (its `conformance` key may configure the paths); no package is.
      expect(loads.required.filter((r) => !r.startsWith('/') || r.includes('/node_modules/')), args.join(' ')).toEqual([]);
    }
  });

  it('builds main.mjs as one file holding the command line and none of the commands: no runner, suites, reporters, targets or msw', async () => {
    expect(await readdir(DIST)).not.toContain('chunks');
    const main = readFileSync(join(DIST, 'main.mjs'), 'utf8');
    expect(main).toContain('// src/cli/register/run.ts');
    for (const engine of ['// src/cli/commands/', '// src/runner/', '// suites/', '// reporters/', '// src/targets/', '// node_modules/msw/', '// node_modules/jsonata/']) expect(main, engine).not.toContain(engine);
    expect(main).not.toMatch(/\bimport\(\s*["']\.\//);
  });

  it('runs a command from the CommonJS program, whose --help loads no HTTP stack either', async () => {
    const loads = await loadsOf(['run', '--help']);
    expect(fromDist(loads)).toEqual(['program.cjs', 'program.mjs']);
    expect(loads.builtins).not.toContain('internal/deps/undici/undici');
    expect(loads.builtins).not.toContain('http');
  });

  it('runs the offline run without loading the Pact FFI, and the pact export does load it (so the first check can see it)', async () => {
    const run = await loadsOf(['run', '--vendor', 'centra', '--reporter', `json:${join(dir, 'report.json')}`]);
    expect(fromDist(run)).toEqual(['program.cjs', 'program.mjs']);
    expect(run.builtins).toContain('internal/deps/undici/undici');
    expect(run.required.filter((r) => r.includes('@pact-foundation'))).toEqual([]);
    const pact = await loadsOf(['pact', 'export', '--vendor', 'centra', '--out', join(dir, 'pacts')]);
    expect(pact.required.filter((r) => r.startsWith('@pact-foundation/pact'))).not.toEqual([]);
  });

  it('builds the CommonJS program that commands run in strict mode, as the ES modules run, ASCII only, with no import.meta left', () => {
    const program = readFileSync(join(DIST, 'program.cjs'), 'utf8');
    // A directive only when it is the first statement: later, "use strict" is a plain string.
    expect(program.startsWith("'use strict';")).toBe(true);
    expect(program).toContain('// src/runner/run-conformance.ts');
    expect(program).not.toMatch(/\bimport\.meta\b/);
    // One non-ASCII character would make V8 hold the 2 MB source as a two-byte string.
    expect(program).toMatch(/^[\0-\x7f]*$/);
    const loader = readFileSync(join(DIST, 'program.mjs'), 'utf8');
    expect(loader).toContain('program.cjs');
    expect(loader).not.toContain('// src/runner/run-conformance.ts');
  });
});
