import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import { RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../helpers/paths.ts';

// dist/lib/ is built by `npm run build` (also `pretest`): scripts/build-library.mjs.
interface Manifest {
  readonly builtAt: number;
  readonly files: readonly { readonly path: string; readonly sha256?: string }[];
  readonly outputs: readonly { readonly path: string; readonly size: number }[];
}

const manifest = JSON.parse(await readFile(repoPath('dist/lib/manifest.json'), 'utf8')) as Manifest;

/** Every module specifier a bundle file imports statically or dynamically (string literals only). */
async function importedSpecifiers(path: string): Promise<string[]> {
  const text = await readFile(repoPath(path), 'utf8');
  return [...text.matchAll(/(?:^|[\s;])(?:import|export)\s*(?:[\w*{},\s]*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('the library bundle (dist/lib/)', () => {
  it('lists in its manifest the sources of both entries and the lockfile, each with its SHA-256, and no file of a dependency', () => {
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['src/index.ts', 'src/msw/index.ts', 'src/msw/vendor-handlers.ts', 'suites/index.ts', 'package-lock.json']));
    expect(paths.filter((p) => p.includes('node_modules'))).toEqual([]);
    for (const f of manifest.files) expect(f.sha256, f.path).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists its own files: both entries and the chunks they share', () => {
    const paths = manifest.outputs.map((o) => o.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/lib/index.mjs', 'dist/lib/msw.mjs']));
    expect(paths.some((p) => p.startsWith('dist/lib/chunks/'))).toBe(true);
  });

  it("imports nothing but Node's built-ins, msw (never bundled) and its own chunks: no tsx, no Pact FFI", async () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const foreign = new Set<string>();
    for (const { path } of manifest.outputs) for (const s of await importedSpecifiers(path)) if (!builtins.has(s) && !s.startsWith('./') && !s.startsWith('../')) foreign.add(s);
    expect([...foreign]).toEqual(['msw']);
  });

  it("gives handlers of the test's own msw instance (msw is not bundled), so the consumer's setupServer takes them", async () => {
    const { vendorHandlers } = (await import(repoPath('dist/lib/msw.mjs'))) as typeof import('../../../src/msw/index.ts');
    const mocks = await vendorHandlers({ vendors: ['crmcom'] });
    expect(mocks.handlers.length).toBeGreaterThan(0);
    for (const handler of mocks.handlers) expect(handler).toBeInstanceOf(RequestHandler);
  });

  it('shares one engine between . and ./msw: both entries import the same chunk', async () => {
    const index = (await importedSpecifiers('dist/lib/index.mjs')).filter((s) => s.startsWith('./chunks/'));
    const msw = (await importedSpecifiers('dist/lib/msw.mjs')).filter((s) => s.startsWith('./chunks/'));
    expect(index.length).toBeGreaterThan(0);
    expect(msw).toEqual(expect.arrayContaining(index));
  });
});
