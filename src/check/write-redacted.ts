import { lstat, stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { SuiteError } from '../errors.ts';
import { assertNoSecrets } from '../recording/leak-guard.ts';

/**
 * Write a redacted capture: refuse to replace the input itself (the one copy of the capture, in
 * case redaction missed something), a symlink or anything but a regular file; run the independent
 * leak guard on the text first (nothing is written on a hit); then write atomically.
 * @throws SuiteError `USAGE` or `SECRET_LEAK`
 */
export async function writeRedacted(input: string, out: string, text: string, secrets: readonly string[]): Promise<void> {
  await refuseUnsafeTarget(input, out);
  assertNoSecrets([{ path: out, text }], secrets);
  try {
    await writeFileAtomic(out, text, { encoding: 'utf8' });
  } catch (error) {
    throw new SuiteError('FILE_UNREADABLE', `Cannot write --out ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function refuseUnsafeTarget(input: string, out: string): Promise<void> {
  const info = await lstat(out).catch(() => undefined);
  // A file that does not exist yet cannot be the input.
  if (info === undefined) return;
  if (!info.isFile()) throw new SuiteError('USAGE', `--out ${out} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; refusing to replace it. Name a new file.`);
  const source = await stat(input);
  if (source.dev === info.dev && source.ino === info.ino) throw new SuiteError('USAGE', `--out ${out} is the input capture; redact never overwrites it. Write the copy to another file, check it, then replace the original yourself.`);
}
