import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bytes of the per-user HMAC key kept in each store folder. */
const KEY_BYTES = 32;
const KEY_FILE = 'hmac.key';

/** A private, tamper-evident folder of text entries (see {@link privateStore}). */
export interface PrivateStore {
  /** The folder, resolved on each use so that `TMPDIR` applies. */
  dir(): string;
  /** The entry's text when its file is private and its HMAC verifies; otherwise undefined. */
  get(id: string): string | undefined;
  /** Write the entry atomically, signed; any failure only costs time. */
  set(id: string, text: string): void;
  /** The entry's bytes, under the same checks as {@link PrivateStore.get} (for binary entries, e.g. V8 code). */
  getBytes(id: string): Buffer | undefined;
  /** Write a binary entry as {@link PrivateStore.set} writes text. */
  setBytes(id: string, bytes: Buffer): void;
  /** The ids of this prefix's entries in the folder (none when the folder is not private). */
  ids(): string[];
  /** Delete the entry, if there is one; any failure only costs space. */
  remove(id: string): void;
}

/**
 * A cache folder private to the user (`<tmp>/invoice-update-conformance-<uid>/<name>`, mode 0700), of
 * files named `<prefix>-<id><extension>` (mode 0600). It is tamper-evident:
 * - the folder and its parent must be owned by the user, be real folders (no symlink) and have mode
 *   0700; the files 0600. Otherwise the store is not used at all;
 * - each entry carries an HMAC-SHA256, under a random key kept in a 0600 file in the folder, of the
 *   prefix (what generated the entries, e.g. the engine version), the entry's id and its text (or bytes). An entry
 *   whose HMAC does not verify is ignored (and rewritten by the next `set`).
 * `prefix` and `id` must be file-name-safe strings (the callers use hex digests).
 */
export function privateStore(name: string, prefix: string, extension: string): PrivateStore {
  const dir = (): string => join(tmpdir(), `invoice-update-conformance-${process.getuid?.() ?? 'user'}`, name);
  const getBytes = (id: string): Buffer | undefined => {
    try {
      const folder = privateDir(dir(), false);
      const key = folder === undefined ? undefined : readKey(folder, false);
      if (folder === undefined || key === undefined) return undefined;
      const file = readPrivateFile(join(folder, `${prefix}-${id}${extension}`));
      const newline = file?.indexOf(0x0a) ?? -1;
      if (file === undefined || newline < 0) return undefined;
      const body = file.subarray(newline + 1);
      const mac = Buffer.from(file.subarray(0, newline).toString('latin1'), 'hex');
      const expected = sign(key, prefix, id, body);
      return mac.length === expected.length && timingSafeEqual(mac, expected) ? body : undefined;
    } catch {
      return undefined;
    }
  };
  const setBytes = (id: string, bytes: Buffer): void => {
    try {
      const folder = privateDir(dir(), true);
      const key = folder === undefined ? undefined : readKey(folder, true);
      if (folder === undefined || key === undefined) return;
      const file = join(folder, `${prefix}-${id}${extension}`);
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temp, Buffer.concat([Buffer.from(`${sign(key, prefix, id, bytes).toString('hex')}\n`, 'latin1'), bytes]), { mode: 0o600, flag: 'wx' });
      renameSync(temp, file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  };
  const fileName = (id: string): string => `${prefix}-${id}${extension}`;
  const ids = (): string[] => {
    try {
      const folder = privateDir(dir(), false);
      if (folder === undefined) return [];
      const start = `${prefix}-`;
      return readdirSync(folder)
        .filter((name) => name.startsWith(start) && name.endsWith(extension))
        .map((name) => name.slice(start.length, name.length - extension.length));
    } catch {
      return [];
    }
  };
  const remove = (id: string): void => {
    try {
      const folder = privateDir(dir(), false);
      if (folder !== undefined) unlinkSync(join(folder, fileName(id)));
    } catch {
      // An entry left behind only takes space.
    }
  };
  return {
    dir,
    ids,
    remove,
    get: (id) => getBytes(id)?.toString('utf8'),
    set: (id, text) => setBytes(id, Buffer.from(text, 'utf8')),
    getBytes,
    setBytes,
  };
}

function sign(key: Buffer, prefix: string, id: string, body: Buffer): Buffer {
  return createHmac('sha256', key).update(prefix).update('\0').update(id).update('\0').update(body).digest();
}

// Folders found private, and their keys, in this process: a run reads dozens of entries.
const privateDirs = new Set<string>();
const keys = new Map<string, Buffer>();

/** The folder when it (and its parent) are the user's own, mode 0700, no symlink; created if asked. */
function privateDir(dir: string, create: boolean): string | undefined {
  if (privateDirs.has(dir)) return dir;
  if (create) for (const path of [join(dir, '..'), dir]) makeDir(path);
  for (const path of [join(dir, '..'), dir]) {
    const s = lstatSync(path);
    if (!s.isDirectory() || !ownedPrivately(s)) return undefined;
  }
  privateDirs.add(dir);
  return dir;
}

/**
 * Create one folder (mode 0700) unless it exists, one level at a time: Node's recursive `mkdirSync` never
 * returns for a path under /proc (TMPDIR=/proc made every command hang), and the temporary folder itself
 * is the system's or the user's to create, not ours.
 */
function makeDir(path: string): void {
  try {
    mkdirSync(path, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** The HMAC key, read from its 0600 file (created with fresh random bytes if asked and absent). */
function readKey(dir: string, create: boolean): Buffer | undefined {
  const known = keys.get(dir);
  if (known !== undefined) return known;
  const key = readKeyFile(dir, create);
  if (key !== undefined) keys.set(dir, key);
  return key;
}

function readKeyFile(dir: string, create: boolean): Buffer | undefined {
  const path = join(dir, KEY_FILE);
  if (create) {
    try {
      writeFileSync(path, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = readPrivateFile(path);
  return key?.length === KEY_BYTES ? key : undefined;
}

/** A regular file's bytes when it is the user's own with no access for others (never through a symlink). */
function readPrivateFile(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const s = fstatSync(fd);
    return s.isFile() && ownedPrivately(s) ? readFileSync(fd) : undefined;
  } finally {
    closeSync(fd);
  }
}

function ownedPrivately(s: Stats): boolean {
  const uid = process.getuid?.();
  return (uid === undefined || s.uid === uid) && (s.mode & 0o077) === 0;
}
