/**
 * One large capture for the `check` row of `npm run bench`: the entries of the synthetic recordings
 * (bench/synthetic/generate-exchanges.ts) concatenated into one HAR, as a team's proxy would write it
 * (our `_` fields dropped, so `check` infers each entry's contract as it does for any capture).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Har, HarEntry } from '../../src/recording/har.ts';

/** How the capture's answers are written. */
export interface CaptureHarOptions {
  /**
   * True: no two answers are alike (see {@link distinctAnswer}). The synthetic copies keep their recorded
   * answers, so the plain capture holds only about 40 distinct ones, which `check` classifies once each.
   */
  readonly distinctAnswers?: boolean;
}

/** Write the first `limit` entries found under `recordingsDir` (files in sorted order) to `file`; returns how many. */
export async function writeCaptureHar(recordingsDir: string, file: string, limit: number, options: CaptureHarOptions = {}): Promise<number> {
  const entries: unknown[] = [];
  const width = digitsFor(limit);
  for (const path of await harFiles(recordingsDir)) {
    if (entries.length >= limit) break;
    const har = JSON.parse(await readFile(path, 'utf8')) as Har;
    for (const entry of har.log.entries) {
      if (entries.length >= limit) break;
      const own = withoutOwnFields(entry) as HarEntry;
      entries.push(options.distinctAnswers === true ? distinctAnswer(own, entries.length, width) : own);
    }
  }
  const capture = { log: { version: '1.2', creator: { name: 'bench-capture', version: '0' }, entries } };
  // Compact, as capture tools write large files: 10,000 entries stay under MAX_CAPTURE_BYTES.
  await writeFile(file, JSON.stringify(capture));
  return entries.length;
}

/** Whitespace JSON and XML allow after a document: each answer's number in base 4, one character per digit. */
const DIGITS = [' ', '\t', '\n', '\r'] as const;

function digitsFor(count: number): number {
  let width = 1;
  while (DIGITS.length ** width < count) width += 1;
  return width;
}

/**
 * The entry with an answer no other entry of the capture has, as a live service's answers differ (a
 * request id, an echoed identifier, a timestamp): an `x-request-id` header with the entry's number, and
 * a body (when it has one, in plain text) followed by that number written as whitespace, which a JSON
 * or XML reader skips, so each answer reads as it did and costs what a distinct one costs (it is parsed,
 * classified and its response rules evaluated on its own).
 */
function distinctAnswer(entry: HarEntry, n: number, width: number): HarEntry {
  const { response } = entry;
  const content = response.content;
  let tail = '';
  for (let k = n, i = 0; i < width; i++, k = Math.floor(k / DIGITS.length)) tail += DIGITS[k % DIGITS.length];
  const text = content.text === undefined || content.text === '' || (content as { readonly encoding?: string }).encoding !== undefined ? content.text : `${content.text}${tail}`;
  const grown = text === undefined || content.text === undefined ? 0 : text.length - content.text.length;
  return {
    ...entry,
    response: {
      ...response,
      headers: [...response.headers, { name: 'x-request-id', value: `bench-${n + 1}` }],
      content: { ...content, ...(text === undefined ? {} : { text }), ...(content.size >= 0 ? { size: content.size + grown } : {}) },
      ...(response.bodySize >= 0 ? { bodySize: response.bodySize + grown } : {}),
    },
  };
}

function withoutOwnFields(entry: object): object {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => !key.startsWith('_')));
}

async function harFiles(dir: string): Promise<string[]> {
  const found = await readdir(dir, { withFileTypes: true, recursive: true });
  return found.filter((e) => e.isFile() && e.name.endsWith('.har')).map((e) => join(e.parentPath, e.name)).sort();
}
