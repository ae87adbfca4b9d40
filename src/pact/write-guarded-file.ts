import { lstat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { SuiteError } from '../errors.ts';
import { assertNoSecrets } from '../recording/leak-guard.ts';

/**
 * Write a pact file or the verifier log: the leak guard scans the text first (nothing is written on a hit), an
 * existing symlink, device or directory at the path is refused, and the write is atomic (a
 * temporary file in the same folder, then a rename).
 * @throws SuiteError `SECRET_LEAK` or `FILE_UNREADABLE`
 */
export async function writeGuardedFile(path: string, text: string, secrets: readonly string[]): Promise<void> {
  assertNoSecrets([{ path, text }], secrets);
  const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new SuiteError('FILE_UNREADABLE', `Cannot write ${path} (${error.code ?? 'error'}).`);
  });
  if (existing !== undefined && !existing.isFile()) {
    throw new SuiteError('FILE_UNREADABLE', `Refusing to write ${path}: it exists and is not a regular file (a symlink, device or folder).`);
  }
  try {
    await writeFileAtomic(path, text, { encoding: 'utf8' });
  } catch (error) {
    throw new SuiteError('FILE_UNREADABLE', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}
