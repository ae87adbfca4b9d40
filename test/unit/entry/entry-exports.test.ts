import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../helpers/paths.ts';

/** The value names a module's source exports (`export { a, b } from`, `export const/function/class x`), types left out. */
async function exportedValues(file: string): Promise<string[]> {
  const text = await readFile(repoPath(file), 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/^export \{([^}]*)\}/gm)) for (const n of (m[1] ?? '').split(',')) if (n.trim() !== '') names.add(n.trim().split(/\s+as\s+/).pop() ?? '');
  for (const m of text.matchAll(/^export (?:const|function|class|async function) (\w+)/gm)) names.add(m[1] ?? '');
  return [...names].sort();
}

describe('the package entries', () => {
  it.each([
    ['src/entry/index.js', 'src/index.ts'],
    ['src/entry/msw.js', 'src/msw/index.ts'],
  ])('%s exports exactly the values of %s', async (entry, source) => {
    expect(await exportedValues(entry)).toEqual(await exportedValues(source));
    const loaded = (await import(repoPath(entry))) as Record<string, unknown>;
    expect(Object.keys(loaded).sort()).toEqual(await exportedValues(source));
    for (const value of Object.values(loaded)) expect(value).toBeTypeOf('function');
  });

  // The prebuilt bundle the entries load when it is fresh (scripts/build-library.mjs, run by `npm run build`).
  it.each([
    ['dist/lib/index.mjs', 'src/index.ts'],
    ['dist/lib/msw.mjs', 'src/msw/index.ts'],
  ])('%s exports exactly the values of %s', async (bundle, source) => {
    const loaded = (await import(repoPath(bundle))) as Record<string, unknown>;
    expect(Object.keys(loaded).sort()).toEqual(await exportedValues(source));
  });
});
