import { readFile } from 'node:fs/promises';
import { SuiteError } from '../errors.ts';

/** Read a file the user named on the command line; unreadable is a SuiteError naming the flag. */
export async function readInputFile(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new SuiteError('FILE_UNREADABLE', `Cannot read ${flag} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
