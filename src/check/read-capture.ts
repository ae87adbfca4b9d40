import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseJson } from '../codec/json/parse-json.ts';
import { readTextFile } from '../codec/text/read-text-file.ts';
import { normalizeHeaders, type Exchange } from '../model/http.ts';
import { fail, ok, type Result } from '../model/result.ts';
import type { HarEntry } from '../recording/har.ts';
import { validateHar } from '../recording/read-har.ts';
import { MAX_CAPTURE_BYTES, MAX_CAPTURE_CONTAINERS, MAX_CAPTURE_DEPTH, MAX_CAPTURE_ENTRIES, MAX_CAPTURE_KEYS } from './capture-limits.ts';
import type { BodyCapture, CapturedEntry } from './captured-entry.ts';
import { decodeHarText } from './decode-har-text.ts';
import { normalizeCapture } from './normalize-capture.ts';

/** A HAR capture as read: its entries in file order, and the parsed document (for `redact`). */
export interface Capture {
  readonly file: string;
  readonly entries: readonly CapturedEntry[];
  /** The parsed JSON exactly as in the file (not normalized), so a redacted copy keeps every field. */
  readonly document: unknown;
}

/** Read a HAR file, bounded by {@link MAX_CAPTURE_BYTES}; every problem is one sentence naming the file. */
export async function readCapture(file: string): Promise<Result<Capture, string>> {
  const text = await readTextFile(file, { maxBytes: MAX_CAPTURE_BYTES, name: 'MAX_CAPTURE_BYTES' });
  if (!text.ok) return text;
  const parsed = parseCapture(text.value, file);
  if (!parsed.ok) return parsed;
  return ok({ ...parsed.value, entries: await Promise.all(parsed.value.entries.map((e) => withAttachedBody(e, dirname(file)))) });
}

/** Parse HAR text: JSON within limits, HAR 1.2 once the fields real tools omit are filled in. */
export function parseCapture(text: string, file: string): Result<Capture, string> {
  const parsed = parseJson(text.replace(/^\uFEFF/, ''), { maxBytes: MAX_CAPTURE_BYTES, maxDepth: MAX_CAPTURE_DEPTH, maxKeys: MAX_CAPTURE_KEYS, maxContainers: MAX_CAPTURE_CONTAINERS });
  if (!parsed.ok) {
    const truncated = parsed.problem.rule === 'json-malformed' && /end of (json )?input|unterminated/i.test(parsed.problem.message) ? ' (the file looks truncated)' : '';
    return fail(`${file}: not a HAR file: ${parsed.problem.message}${truncated}`);
  }
  const har = validateHar(normalizeCapture(parsed.value), file);
  if (!har.ok) return fail(har.problem);
  const entries = har.value.log.entries;
  if (entries.length > MAX_CAPTURE_ENTRIES) return fail(`${file}: ${entries.length} entries; the limit is ${MAX_CAPTURE_ENTRIES} (MAX_CAPTURE_ENTRIES)`);
  return ok({ file, document: parsed.value, entries: entries.map((e, i) => toCaptured(e, file, i + 1)) });
}

function toCaptured(har: HarEntry, file: string, index: number): CapturedEntry {
  const request = har.request as HarEntry['request'] & { postData?: { encoding?: unknown; _encoding?: unknown } };
  const content = har.response.content as HarEntry['response']['content'] & { encoding?: unknown };
  const postData = request.postData;
  const requestText = postData?.text === undefined ? '' : decodeHarText(postData.text, postData.encoding ?? postData._encoding, postData.mimeType);
  const responseText = content.text === undefined ? '' : decodeHarText(content.text, content.encoding, content.mimeType);
  const exchange: Exchange = {
    request: { method: har.request.method.toUpperCase(), url: har.request.url, headers: normalizeHeaders(har.request.headers.map((h) => [h.name, h.value])), body: requestText },
    response: { status: har.response.status, headers: normalizeHeaders(har.response.headers.map((h) => [h.name, h.value])), body: responseText },
    durationMs: har.time,
  };
  return { file, index, har, exchange, requestBody: requestCapture(har, postData?.text), responseBody: responseCapture(har, content.text) };
}

/** A request body is missing from the capture when the entry says it had bytes but holds no text. */
function requestCapture(har: HarEntry, text: string | undefined): BodyCapture {
  return text === undefined && har.request.bodySize > 0 ? 'not-captured' : 'captured';
}

/** A response body is missing when there is no text and the size is not known to be zero. */
function responseCapture(har: HarEntry, text: string | undefined): BodyCapture {
  if (text !== undefined) return 'captured';
  const size = har.response.content.size;
  return size === 0 || har.response.status === 204 || har.response.status === 304 ? 'captured' : 'not-captured';
}

/**
 * Playwright's `recordHar` with `content: 'attach'` keeps a response body in a file beside the HAR,
 * named by `content._file`. Read it (a plain file name in the HAR's folder, within the capture size
 * limit); anything else leaves the body not captured.
 */
async function withAttachedBody(entry: CapturedEntry, dir: string): Promise<CapturedEntry> {
  const content = entry.har.response.content as HarEntry['response']['content'] & { _file?: unknown; encoding?: unknown };
  const name = content._file;
  if (entry.responseBody === 'captured' || typeof name !== 'string' || name === '' || basename(name) !== name || name === '..') return entry;
  try {
    const path = join(dir, name);
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_CAPTURE_BYTES) return entry;
    const bytes = await readFile(path);
    const body = decodeHarText(bytes.toString('base64'), 'base64', content.mimeType);
    return { ...entry, exchange: { ...entry.exchange, response: { ...entry.exchange.response, body } }, responseBody: 'captured' };
  } catch {
    return entry;
  }
}
