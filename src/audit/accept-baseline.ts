import { lstat, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { SuiteError } from '../errors.ts';
import { assertNoSecrets, type PendingFile } from '../recording/leak-guard.ts';
import { parseHar } from '../recording/read-har.ts';
import type { Contract } from '../types/contract.ts';
import type { AuditPair } from './audit-summary.ts';
import { caseIdentity } from './compare-pair.ts';
import { requestSecrets } from './request-secrets.ts';

/** What `--accept` did. Paths are relative to the baseline folder. */
export interface Accepted {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/** Inputs of {@link acceptBaseline}. */
export interface AcceptOptions {
  readonly baseline: string;
  readonly current: string;
  /** The audited pairs; only files with a pair that is not `unchanged` are touched. */
  readonly pairs: readonly AuditPair[];
  readonly contracts: ReadonlyMap<string, Contract>;
  /** Environment holding the live credentials, whose values must not be in any accepted file. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Make the baseline match the current recordings for every case that drifted: a changed or added
 * case's file is copied from the current folder (each file written atomically: a temp file, then
 * a rename), a removed case's file is deleted. Unchanged files are not touched. Before anything is
 * written, every file to copy goes through the leak guard (the environment's secret credential
 * values, and any secret a recorded request carries unredacted); one hit refuses the whole accept.
 * @throws SuiteError `SECRET_LEAK` (nothing written), `FILE_UNREADABLE` (a symlink or non-file target).
 */
export async function acceptBaseline(options: AcceptOptions): Promise<Accepted> {
  const files = [...new Set(options.pairs.filter((p) => p.state !== 'unchanged').map((p) => p.file))].sort();
  const pending: PendingFile[] = [];
  const removed: string[] = [];
  const secrets = new Set<string>(envSecrets(options.contracts, options.env));
  for (const file of files) {
    const text = await readIfFile(join(options.current, file));
    if (text === undefined) removed.push(file);
    else {
      pending.push({ path: file, text });
      for (const s of recordedSecrets(text, file, options.contracts)) secrets.add(s);
    }
  }
  assertNoSecrets(pending, [...secrets]);
  for (const file of [...pending.map((p) => p.path), ...removed]) await assertPlainTarget(join(options.baseline, file));
  for (const p of pending) await writeFileAtomic(join(options.baseline, p.path), p.text);
  for (const file of removed) await unlink(join(options.baseline, file));
  return { written: pending.map((p) => p.path), removed };
}

function envSecrets(contracts: ReadonlyMap<string, Contract>, env: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  for (const contract of contracts.values()) {
    for (const spec of Object.values(contract.credentials)) {
      const value = env[spec.env];
      if (spec.secret && value !== undefined && value !== '') out.push(value);
    }
  }
  return out;
}

/** Values at the contract's secret positions of each recorded request that are not `[redacted]`. */
function recordedSecrets(text: string, file: string, contracts: ReadonlyMap<string, Contract>): string[] {
  const har = parseHar(text, file);
  if (!har.ok) throw new SuiteError('RECORDING_INVALID', `Cannot accept ${har.problem}`);
  return har.value.log.entries.flatMap((entry) => {
    const contract = contracts.get(caseIdentity(entry, file).contract);
    return contract === undefined ? [] : requestSecrets(contract, entry);
  });
}

async function readIfFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SuiteError('FILE_UNREADABLE', `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

/** Never write through a symlink or over a device: the baseline target must be a plain file or absent. */
async function assertPlainTarget(path: string): Promise<void> {
  try {
    const stats = await lstat(path);
    if (!stats.isFile()) throw new SuiteError('FILE_UNREADABLE', `Refusing to accept into ${path}: it is not a regular file (a symlink, folder or device).`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
