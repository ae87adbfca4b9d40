/**
 * Fill in what real HAR writers (Chrome and Firefox devtools, Playwright `recordHar`, Polly.js,
 * mitmproxy, Charles) leave out or write as null, so that the HAR 1.2 schema judges the structure
 * that matters (log, entries, request, response) and not the optional bookkeeping a tool skipped.
 * Returns a new object; the input is not changed (records that need nothing filled in are shared with it).
 */
export function normalizeCapture(value: unknown): unknown {
  if (!isRecord(value) || !isRecord(value['log'])) return value;
  const log = value['log'];
  const entries = Array.isArray(log['entries']) ? log['entries'].map(normalizeEntry) : log['entries'];
  return { ...value, log: { version: '1.2', creator: { name: 'unknown', version: '' }, ...log, entries } };
}

function normalizeEntry(entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  const out: Record<string, unknown> = { startedDateTime: '1970-01-01T00:00:00.000Z', time: 0, cache: {}, ...entry };
  out['timings'] = { send: 0, wait: 0, receive: 0, ...withoutNulls(entry['timings']) };
  if (typeof out['time'] !== 'number') out['time'] = 0;
  if (isRecord(entry['request'])) out['request'] = normalizeMessage(entry['request'], { method: 'GET', url: '', queryString: [] });
  if (isRecord(entry['response'])) out['response'] = normalizeResponse(entry['response']);
  return out;
}

function normalizeMessage(message: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { httpVersion: '', headersSize: -1, bodySize: -1, ...defaults, ...withoutNulls(message) };
  out['headers'] = pairs(message['headers']);
  out['cookies'] = Array.isArray(message['cookies']) ? message['cookies'].map((c) => (isRecord(c) ? withoutNulls(c) : c)) : [];
  if ('queryString' in defaults) out['queryString'] = pairs(message['queryString']);
  if (isRecord(message['postData'])) out['postData'] = { mimeType: '', ...withoutNulls(message['postData']) };
  return out;
}

function normalizeResponse(response: Record<string, unknown>): Record<string, unknown> {
  const out = normalizeMessage(response, { status: 0, statusText: '', redirectURL: '' });
  const content = isRecord(response['content']) ? withoutNulls(response['content']) : {};
  out['content'] = { size: -1, mimeType: '', ...content };
  return out;
}

function pairs(value: unknown): unknown {
  return Array.isArray(value) ? value.map((p) => (isRecord(p) ? withoutNulls(p) : p)) : [];
}

/**
 * Tools write null for "not known"; HAR's optional fields are simply absent. A record without a
 * null is returned as it is (nothing here changes it): a capture has hundreds of thousands of
 * headers, and copying each one cost more than reading the file.
 */
function withoutNulls(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) return {};
  if (!hasNull(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

function hasNull(value: Record<string, unknown>): boolean {
  for (const key in value) if (Object.hasOwn(value, key) && value[key] === null) return true;
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
