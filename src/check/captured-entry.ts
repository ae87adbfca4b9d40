import type { Exchange } from '../model/http.ts';
import type { HarEntry } from '../recording/har.ts';

/** Whether a body is in the capture: devtools and proxies sometimes keep only its size. */
export type BodyCapture = 'captured' | 'not-captured';

/** One entry of a captured HAR, read into the suite's exchange model. */
export interface CapturedEntry {
  /** The file as given on the command line (or the caller's label). */
  readonly file: string;
  /** 1-based position in the file's `log.entries`. */
  readonly index: number;
  /** The entry as read (schema-normalized), for redaction and for checks that look at the recording. */
  readonly har: HarEntry;
  /** Request and response with base64 bodies decoded and header names lower-cased. */
  readonly exchange: Exchange;
  readonly requestBody: BodyCapture;
  readonly responseBody: BodyCapture;
}

/** The id reports use for an entry: `<file>#<index>`. */
export function entryId(entry: Pick<CapturedEntry, 'file' | 'index'>): string {
  return `${entry.file}#${entry.index}`;
}
