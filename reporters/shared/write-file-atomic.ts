import { lstat, mkdir, readlink, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';

/**
 * Write a report to `path`. A regular file (or a new one) is written atomically with the
 * `write-file-atomic` package: readers see the old file or the complete new one, never a partial
 * write, and a symlink is followed, so its target is written and the link stays. A path that is not
 * a regular file (`/dev/stdout`, `/dev/stderr`, a FIFO, a terminal) is written directly, never
 * replaced by a file. Missing folders are created.
 */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  if (await isSpecialFile(path)) {
    // `a`: appending to /dev/stdout keeps what the console reporter already wrote to a redirected file.
    await writeFile(path, data, { encoding: 'utf8', flag: 'a' });
    return;
  }
  // write-file-atomic follows links that resolve; a link to a file not yet written must be followed too.
  const target = await followLinks(path);
  await ensureDir(dirname(target));
  await writeFileAtomicLib(target, data, { encoding: 'utf8' });
}

/** Most links followed before giving up (as the kernel's ELOOP limit). */
const MAX_LINKS = 40;

/** The path a chain of symlinks ends at, even when that last path does not exist yet. */
async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let i = 0; i < MAX_LINKS; i++) {
    try {
      if (!(await lstat(current)).isSymbolicLink()) return current;
    } catch {
      return current;
    }
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`Too many symbolic links at ${path}`), { code: 'ELOOP' });
}

/**
 * True for an existing path that is not a regular file or folder (device, FIFO, socket), and for
 * existing /dev/ and /proc/ paths: `/dev/stdout` redirected to a file is that file, which must be
 * written through the open descriptor, not replaced.
 */
async function isSpecialFile(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    return /^\/(dev|proc)\//.test(path) || (!info.isFile() && !info.isDirectory());
  } catch {
    return false;
  }
}

/**
 * mkdir -p, one level at a time: Node's `mkdir({ recursive: true })` never returns for some
 * unwritable trees (it loops on procfs), so a bad report path would hang the run.
 */
async function ensureDir(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const parent = dirname(dir);
  if (parent !== dir) await ensureDir(parent);
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
