import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import contractSchema from '../../contracts/contract.schema.json' with { type: 'json' };
import canonicalSchema from '../model/canonical-update.schema.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import type { Contract } from '../types/contract.ts';

// Anything that can change what a valid contract loads as: the tool version and both schemas.
const ENGINE = createHash('sha256').update(pkg.version).update(JSON.stringify(contractSchema)).update(JSON.stringify(canonicalSchema)).digest('hex').slice(0, 16);

/** Bytes of the per-user HMAC key kept in the cache folder. */
const KEY_BYTES = 32;
const KEY_FILE = 'hmac.key';

/**
 * The cache folder: private to the user (`<tmp>/invoice-update-conformance-<uid>/contracts`, mode
 * 0700). Resolved on each use so that `TMPDIR` applies.
 */
export function contractCacheDir(): string {
  return join(tmpdir(), `invoice-update-conformance-${process.getuid?.() ?? 'user'}`, 'contracts');
}

/**
 * A cache of contracts that already passed validation, keyed by the contract file's content hash
 * and path and the engine. Parsing YAML and compiling the contract schema cost about 0.4 s of a
 * 1.7 s cold run (README, "Secrets"). The cache is private and tamper-evident:
 * - the folder and its parent must be owned by the user, be real folders (no symlink) and have
 *   mode 0700; the files 0600. Otherwise the cache is not used at all;
 * - each entry carries an HMAC-SHA256, under a random key kept in a 0600 file in the folder, of
 *   the engine, the cache key (the source's hash) and the contract text. An entry whose HMAC does
 *   not verify (e.g. `secret: true` flipped to `false`) is ignored and the contract is parsed and
 *   validated again.
 * Any failure to read or write the cache only costs time.
 */
export const contractCache = {
  get(hash: string): Contract | undefined {
    try {
      const dir = privateDir(false);
      if (dir === undefined) return undefined;
      const key = readKey(dir, false);
      if (key === undefined) return undefined;
      const text = readPrivateFile(join(dir, `${ENGINE}-${hash}.json`))?.toString('utf8');
      const newline = text?.indexOf('\n') ?? -1;
      if (text === undefined || newline < 0) return undefined;
      const json = text.slice(newline + 1);
      const mac = Buffer.from(text.slice(0, newline), 'hex');
      const expected = sign(key, hash, json);
      return mac.length === expected.length && timingSafeEqual(mac, expected) ? (JSON.parse(json) as Contract) : undefined;
    } catch {
      return undefined;
    }
  },
  set(hash: string, contract: Contract): void {
    try {
      const dir = privateDir(true);
      const key = dir === undefined ? undefined : readKey(dir, true);
      if (dir === undefined || key === undefined) return;
      const json = JSON.stringify(contract);
      const file = join(dir, `${ENGINE}-${hash}.json`);
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temp, `${sign(key, hash, json).toString('hex')}\n${json}`, { mode: 0o600, flag: 'wx' });
      renameSync(temp, file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  },
};

function sign(key: Buffer, hash: string, json: string): Buffer {
  return createHmac('sha256', key).update(ENGINE).update('\0').update(hash).update('\0').update(json).digest();
}

/** The cache folder when it (and its parent) are the user's own, mode 0700, no symlink; created if asked. */
function privateDir(create: boolean): string | undefined {
  const dir = contractCacheDir();
  if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const path of [join(dir, '..'), dir]) {
    const s = lstatSync(path);
    if (!s.isDirectory() || !ownedPrivately(s)) return undefined;
  }
  return dir;
}

/** The HMAC key, read from its 0600 file (created with fresh random bytes if asked and absent). */
function readKey(dir: string, create: boolean): Buffer | undefined {
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
