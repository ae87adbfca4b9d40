import { readFileBytes, readTextFile, type FileLimit } from '../codec/text/read-text-file.ts';
import { SuiteError } from '../errors.ts';

/** The largest file read for `--input` or `--response`, in bytes: a body's limit (5 MiB). */
export const MAX_INPUT_FILE_BYTES = 5 * 1024 * 1024;

const LIMIT: FileLimit = { maxBytes: MAX_INPUT_FILE_BYTES, name: 'MAX_INPUT_FILE_BYTES' };

/** Read a UTF-8 file the user named on the command line; unreadable is a SuiteError naming the flag. */
export async function readInputFile(path: string, flag: string): Promise<string> {
  const text = await readTextFile(path, LIMIT);
  if (!text.ok) throw new SuiteError('FILE_UNREADABLE', `${flag} ${text.problem}`);
  return text.value;
}

/** The bytes of a file the user named (a body, decoded by the charset its headers give), as {@link readInputFile} reads them. */
export async function readInputBytes(path: string, flag: string): Promise<Buffer> {
  const bytes = await readFileBytes(path, LIMIT);
  if (!bytes.ok) throw new SuiteError('FILE_UNREADABLE', `${flag} ${bytes.problem}`);
  return bytes.value;
}
