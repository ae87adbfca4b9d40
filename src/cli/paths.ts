import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

export { PACKAGE_ROOT };

/** Default folder of contract files. */
export const DEFAULT_CONTRACTS = join(PACKAGE_ROOT, 'contracts');

/** Default folder of recordings. */
export const DEFAULT_RECORDINGS = join(PACKAGE_ROOT, 'recordings');

/** A path as a user would like to read it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}
