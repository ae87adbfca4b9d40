/**
 * One large capture for the `check` row of `npm run bench`: the entries of the synthetic recordings
 * (bench/synthetic/generate-exchanges.ts) concatenated into one HAR, as a team's proxy would write it
 * (our `_` fields dropped, so `check` infers each entry's contract as it does for any capture).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Har } from '../../src/recording/har.ts';

/** Write the first `limit` entries found under `recordingsDir` (files in sorted order) to `file`; returns how many. */
export async function writeCaptureHar(recordingsDir: string, file: string, limit: number): Promise<number> {
  const entries: unknown[] = [];
  for (const path of await harFiles(recordingsDir)) {
    if (entries.length >= limit) break;
    const har = JSON.parse(await readFile(path, 'utf8')) as Har;
    for (const entry of har.log.entries) if (entries.length < limit) entries.push(withoutOwnFields(entry));
  }
  const capture = { log: { version: '1.2', creator: { name: 'bench-capture', version: '0' }, entries } };
  // Compact, as capture tools write large files: 10,000 entries stay under MAX_CAPTURE_BYTES.
  await writeFile(file, JSON.stringify(capture));
  return entries.length;
}

function withoutOwnFields(entry: object): object {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !key.startsWith('_')));
}

async function harFiles(dir: string): Promise<string[]> {
  const found = await readdir(dir, { withFileTypes: true, recursive: true });
  return found.filter((e) => e.isFile() && e.name.endsWith('.har')).map((e) => join(e.parentPath, e.name)).sort();
}
