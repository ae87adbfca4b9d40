import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Write `data` to `path` so that readers see either the old file or the complete new one, never a
 * partial write: creates the directory, writes `<path>.<pid>.<random>.tmp` beside the target, then
 * renames it over the target. The temp file is removed if any step fails, and the error rethrown.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  await ensureDir(dir);
  const temp = tempPathFor(path);
  try {
    // `wx` refuses to reuse an existing file, so two writers can never share a temp file.
    await writeFile(temp, data, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A unique temp path in the target's directory (same filesystem, so `rename` is atomic). */
function tempPathFor(path: string): string {
  const suffix = `${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  return join(dirname(path), `${basename(path)}.${suffix}`);
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
