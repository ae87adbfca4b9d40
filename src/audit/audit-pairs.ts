import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SuiteError } from '../errors.ts';
import type { Result } from '../model/result.ts';
import type { Har, HarEntry } from '../recording/har.ts';
import { parseHar } from '../recording/read-har.ts';
import type { Contract } from '../types/contract.ts';
import { caseIdentity, comparePair } from './compare-pair.ts';
import type { DriftRule } from './drift-rule.ts';
import { mergeJoin } from './merge-join.ts';
import type { PairResult } from './pair-result.ts';
import { comparePaths, walkRecordings } from './walk-recordings.ts';

/** What to audit. */
export interface AuditOptions {
  /** Folder of baseline recordings (`<vendor>/<operation>/<case>.har`). */
  readonly baseline: string;
  /** Folder of current recordings, same layout. */
  readonly current: string;
  /** Contracts by id, to classify responses and resolve documented fields. */
  readonly contracts: ReadonlyMap<string, Contract>;
  readonly rules: readonly DriftRule[];
  /** Only the recordings under these vendors' folders. @default every vendor */
  readonly vendors?: readonly string[];
  /** Reads one recording; injectable so tests can watch the reads. @default {@link readHarFile} */
  readonly readHar?: (file: string) => Promise<Result<Har, string>>;
}

/**
 * Audit two recording trees pair by pair. Both trees are walked in path order and merge-joined,
 * so a pair is read, compared and dropped before the next is read: memory does not grow with the
 * number of recordings, and the generator does no work until its consumer asks for the next pair.
 * Entries of a file pair up by position; entries whose `_contract`/`_case` differ are two cases.
 * @throws SuiteError `FILE_UNREADABLE` (a folder) or `RECORDING_INVALID` (a file that is not HAR 1.2).
 */
export async function* auditPairs(options: AuditOptions): AsyncGenerator<PairResult> {
  const read = options.readHar ?? readHarFile;
  const joined = mergeJoin(walkRecordings(options.baseline), walkRecordings(options.current), comparePaths);
  for await (const { key, left, right } of joined) {
    if (options.vendors !== undefined && options.vendors.length > 0 && !options.vendors.includes(key.split('/')[0] ?? '')) continue;
    const [before, after] = await Promise.all([left ? entriesOf(read, options.baseline, key) : [], right ? entriesOf(read, options.current, key) : []]);
    for (const [b, a] of pairEntries(before, after, key)) yield await comparePair(b, a, key, options.contracts, options.rules);
  }
}

/**
 * Read and validate one recording with a synchronous read: the audit handles one pair at a time,
 * and `fs.promises.readFile` costs four thread-pool round trips per file (open, stat, read,
 * close), which was most of the wall time per pair.
 */
export async function readHarFile(file: string): Promise<Result<Har, string>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problem: `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  return parseHar(text, file);
}

async function entriesOf(read: (file: string) => Promise<Result<Har, string>>, root: string, file: string): Promise<readonly HarEntry[]> {
  const har = await read(join(root, file));
  if (!har.ok) throw new SuiteError('RECORDING_INVALID', `Cannot audit ${har.problem}`);
  return har.value.log.entries;
}

type EntryPair = readonly [HarEntry | undefined, HarEntry | undefined];

function pairEntries(before: readonly HarEntry[], after: readonly HarEntry[], file: string): EntryPair[] {
  const out: EntryPair[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const b = before[i];
    const a = after[i];
    if (b !== undefined && a !== undefined && !sameCase(b, a, file)) out.push([b, undefined], [undefined, a]);
    else out.push([b, a]);
  }
  return out;
}

function sameCase(a: HarEntry, b: HarEntry, file: string): boolean {
  const x = caseIdentity(a, file);
  const y = caseIdentity(b, file);
  return x.contract === y.contract && x.case === y.case;
}
