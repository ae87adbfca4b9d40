import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { SuiteError } from '../errors.ts';
import { displayPath } from './paths.ts';

/**
 * A `--contracts` or `--recordings` path must exist and be readable before anything runs: a typo is a
 * configuration error (exit 2, one line), not thousands of failed checks.
 * @param kind `folder` when the path must be a folder; `any` for a folder or a file.
 */
export async function requireReadable(path: string, flag: string, kind: 'folder' | 'any' = 'any'): Promise<void> {
  try {
    const info = await stat(path);
    if (kind === 'folder' && !info.isDirectory()) throw new SuiteError('FILE_UNREADABLE', `${flag} ${displayPath(path)} is not a folder.`);
    await access(path, constants.R_OK | (info.isDirectory() ? constants.X_OK : 0));
  } catch (error) {
    if (error instanceof SuiteError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const why = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : code;
    throw new SuiteError('FILE_UNREADABLE', `Cannot read ${flag} ${displayPath(path)}: ${why} (${code}).`, { cause: error });
  }
}
