import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { SuiteError } from '../errors.ts';

/**
 * The `.har` files under `root` as relative `/`-separated paths, in path order (segment by
 * segment, by code unit), one directory listing at a time: memory holds the listings along the
 * current path, never the whole tree.
 * @throws SuiteError `FILE_UNREADABLE` when a folder cannot be read.
 */
export function walkRecordings(root: string): AsyncGenerator<string> {
  return walkFrom(root, []);
}

async function* walkFrom(root: string, prefix: readonly string[]): AsyncGenerator<string> {
  for (const entry of await listSorted(join(root, ...prefix))) {
    const path = [...prefix, entry.name];
    if (entry.directory) yield* walkFrom(root, path);
    else if (entry.name.endsWith('.har')) yield path.join('/');
  }
}

interface Listed {
  readonly name: string;
  readonly directory: boolean;
}

async function listSorted(dir: string): Promise<Listed[]> {
  const out: Listed[] = [];
  try {
    for await (const entry of await opendir(dir)) {
      if (entry.isDirectory() || entry.isFile()) out.push({ name: entry.name, directory: entry.isDirectory() });
    }
  } catch (error) {
    throw new SuiteError('FILE_UNREADABLE', `Cannot read recordings folder ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return out.sort((a, b) => compareText(a.name, b.name));
}

/** Code-unit order, independent of locale. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Order of relative paths segment by segment, the order {@link walkRecordings} yields them in. */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compareText(x[i] ?? '', y[i] ?? '');
    if (order !== 0) return order;
  }
  return x.length - y.length;
}
