import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../helpers/paths.ts';

// What each command loads from the prebuilt bundle (dist/cli, built by `npm run build`, which `npm test` runs
// first): the static imports of the files esbuild wrote, followed from a starting file.
const DIST = repoPath('dist/cli');
const built = existsSync(join(DIST, 'main.mjs'));

/** Every bundle file `file` loads before it runs, itself included, and the packages it imports. */
function staticClosure(file: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [file];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (files.has(next)) continue;
    files.add(next);
    const text = readFileSync(next, 'utf8');
    for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gms)) {
      const target = m[1] ?? '';
      if (target.startsWith('.')) pending.push(join(dirname(next), target));
      else packages.add(target);
    }
  }
  return { files, packages };
}

/** The chunk `main.mjs` imports when the command runs (`import("./chunks/<name>-HASH.mjs")`). */
function commandChunk(name: string): string {
  const main = readFileSync(join(DIST, 'main.mjs'), 'utf8');
  const found = new RegExp(`import\\("\\./(chunks/${name}-[A-Z0-9]+\\.mjs)"\\)`).exec(main);
  if (found?.[1] === undefined) throw new Error(`main.mjs does not import a ${name} chunk`);
  return join(DIST, found[1]);
}

function sources(files: Iterable<string>): string {
  return [...files].map((f) => readFileSync(f, 'utf8')).join('\n');
}

describe.skipIf(!built)('the bundle chunks', () => {
  it('loads no engine for --help and --version: main.mjs and its static imports hold no runner, suite or msw', () => {
    const { files } = staticClosure(join(DIST, 'main.mjs'));
    const text = sources(files);
    expect(text).not.toContain('// src/runner/run-conformance.ts');
    expect(text).not.toContain('// suites/');
    expect(text).not.toContain('// node_modules/msw/');
  });

  it('loads the run command as a few files, with the runner and the suites, and without the Pact FFI', () => {
    const { files, packages } = staticClosure(commandChunk('run'));
    expect(files.size).toBeLessThanOrEqual(15);
    const text = sources(files);
    expect(text).toContain('// src/runner/run-conformance.ts');
    expect(text).toContain('// suites/index.ts');
    expect([...packages].filter((p) => p.startsWith('@pact-foundation'))).toEqual([]);
  });

  it('keeps the Pact FFI in the pact commands, outside what run loads', () => {
    const pact = staticClosure(commandChunk('pact-verify'));
    expect([...pact.packages].some((p) => p.startsWith('@pact-foundation/pact'))).toBe(true);
  });

  it('builds the CommonJS program that commands run in strict mode, as the ES modules run, with no import.meta left', () => {
    const program = readFileSync(join(DIST, 'program.cjs'), 'utf8');
    // A directive only when it is the first statement: later, "use strict" is a plain string.
    expect(program.startsWith("'use strict';")).toBe(true);
    expect(program).toContain('// src/runner/run-conformance.ts');
    expect(program).not.toMatch(/\bimport\.meta\b/);
    const loader = readFileSync(join(DIST, 'program.mjs'), 'utf8');
    expect(loader).toContain('program.cjs');
    expect(loader).not.toContain('// src/runner/run-conformance.ts');
  });
});
