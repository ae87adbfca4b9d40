import { SuiteError } from '../errors.ts';
import type { CapturedEntry } from './captured-entry.ts';
import { readCapture, type Capture } from './read-capture.ts';

/**
 * Read every capture; any unreadable, non-HAR or truncated file is a usage error (exit 2) naming
 * each bad file in one line.
 * @throws SuiteError `RECORDING_INVALID`
 */
export async function readCaptures(files: readonly string[]): Promise<Capture[]> {
  const read = await Promise.all(files.map((f) => readCapture(f)));
  const problems = read.flatMap((r) => (r.ok ? [] : [r.problem]));
  const [first] = problems;
  if (first !== undefined) {
    throw new SuiteError('RECORDING_INVALID', problems.length === 1 ? first : `${problems.length} files are not readable HAR 1.2:`, { details: problems.length === 1 ? [] : problems });
  }
  return read.flatMap((r) => (r.ok ? [r.value] : []));
}

/**
 * The entries of every capture, in file order, without the parsed documents (which only `redact`
 * writes back): a large capture is then held once, as its entries, while it is checked.
 * @throws SuiteError `RECORDING_INVALID`, as {@link readCaptures}
 */
export async function readCapturedEntries(files: readonly string[]): Promise<{ readonly entries: CapturedEntry[]; readonly files: number }> {
  const captures = await readCaptures(files);
  return { entries: captures.flatMap((c) => c.entries), files: captures.length };
}
