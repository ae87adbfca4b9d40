import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SuiteError } from '../errors.ts';

/** How many `.har` files one `check` may read from folders. */
export const MAX_CAPTURE_FILES = 10_000;

/** The HAR files named on the command line: files as given, folders searched for `*.har` (sorted). */
export async function findCaptures(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new SuiteError('FILE_UNREADABLE', `Cannot read ${path}: ${error.code ?? String(error)}`);
    });
    if (info.isDirectory()) out.push(...(await harFilesUnder(path)));
    else out.push(path);
    if (out.length > MAX_CAPTURE_FILES) throw new SuiteError('USAGE', `More than ${MAX_CAPTURE_FILES} .har files under ${paths.join(', ')} (MAX_CAPTURE_FILES); name fewer folders.`);
  }
  if (out.length === 0) throw new SuiteError('USAGE', `No .har files under ${paths.join(', ')}.`);
  return out;
}

async function harFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const sorted = [...entries].sort((a, b) => a.name.localeCompare(b.name));
  const nested = await Promise.all(sorted.map(async (e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return harFilesUnder(path);
    return e.isFile() && e.name.toLowerCase().endsWith('.har') ? [path] : [];
  }));
  return nested.flat();
}
