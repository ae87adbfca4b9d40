import { SuiteError } from '../errors.ts';

/** The shortest secret the guard can look for without matching ordinary text. */
const SHORTEST_GUARDED = 4;

/** Secrets longer than this are also looked for by each run of this many characters (raw). */
const GUARDED_SUBSTRING = 12;

/** A file about to be written. */
export interface PendingFile {
  readonly path: string;
  readonly text: string;
}

/** One secret found in one file: which secret (by number and length) and in which encoding. Never the value. */
export interface LeakHit {
  readonly path: string;
  /** 1-based index of the secret in the list given. */
  readonly secret: number;
  readonly length: number;
  readonly encoding: string;
}

/** A named one-step encoder; the guard composes them itself, independently of the redaction code. */
type Encoder = readonly [name: string, encode: (s: string) => string];

const ENCODERS: readonly Encoder[] = [
  ['XML-escaped', (s) => xmlEscape(s, false)],
  ['XML-attribute-escaped', (s) => xmlEscape(s, true)],
  ['XML numeric-escaped', (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)],
  ['XML hex-escaped', (s) => s.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)],
  ['JSON-escaped', jsonEscape],
  ['JSON-escaped (\\u for markup)', (s) => jsonEscape(s).replace(/[<>&'+]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
  ['URL-encoded', (s) => safeUrl(s, false)],
  ['URL-encoded (lower-case hex)', (s) => safeUrl(s, false).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
  ['form-encoded', (s) => safeUrl(s, true)],
  ['form-encoded (* escaped too)', (s) => safeUrl(s, true).replace(/\*/g, '%2A')],
  ['base64', (s) => Buffer.from(s).toString('base64').replace(/=+$/, '')],
];

/**
 * Every (encoding name, encoded text) of a secret worth looking for: as is, each encoder, each
 * pair of encoders (`XML-escaped, then URL-encoded`), the base64 runs of each of those inside a
 * longer base64 value, and (for long secrets) each raw substring of GUARDED_SUBSTRING characters.
 */
export function encodings(secret: string): [string, string][] {
  const out = new Map<string, string>();
  const add = (name: string, needle: string): void => {
    if (needle.length >= SHORTEST_GUARDED && !out.has(needle)) out.set(needle, name);
  };
  add('as is', secret);
  // One step: each encoder, and the base64 runs of the secret inside a longer value.
  const first: [string, string][] = [...ENCODERS.map(([name, encode]): [string, string] => [name, encode(secret)]), ...base64Inner(secret)];
  for (const [name, once] of first) add(name, once);
  // Two steps: each of those, encoded again.
  for (const [name1, once] of first) {
    for (const [name2, encode] of ENCODERS) add(`${name1}, then ${name2}`, encode(once));
    for (const [name2, run] of base64Inner(once)) add(`${name1}, then ${name2}`, run);
  }
  if (secret.length > GUARDED_SUBSTRING) {
    for (let i = 0; i + GUARDED_SUBSTRING <= secret.length; i++) add(`a ${GUARDED_SUBSTRING}-character part, as is`, secret.slice(i, i + GUARDED_SUBSTRING));
  }
  return [...out].map(([needle, name]) => [name, needle]);
}

/**
 * The last line of defence before anything is written: scan each file's text for every secret
 * value in every encoding it could have taken. Deliberately independent of the redaction code
 * (its own list of encodings, plain substring search), so a bug in one is caught by the other.
 * Returns every hit; an empty list means the files may be written.
 */
export function findLeaks(files: readonly PendingFile[], secrets: readonly string[]): LeakHit[] {
  const lists = secrets.map(encodings);
  const hits: LeakHit[] = [];
  for (const file of files) {
    const lower = file.text.toLowerCase();
    for (const [index, list] of lists.entries()) {
      const found = list.find(([, needle]) => contains(file.text, lower, needle));
      if (found !== undefined) hits.push({ path: file.path, secret: index + 1, length: secrets[index]?.length ?? 0, encoding: found[0] });
    }
  }
  return hits;
}

/** A hit as a report line: file, secret number and length, encoding; never the value. */
export function describeLeak(hit: LeakHit): string {
  return `${hit.path}: secret #${hit.secret} (${hit.length} characters) found ${hit.encoding}`;
}

/**
 * Refuse (throw) when any file holds a secret or a secret is too short to look for. For callers
 * that write all or nothing; `record` uses `findLeaks` to block only the files that leak.
 * @throws SuiteError `SECRET_LEAK`
 */
export function assertNoSecrets(files: readonly PendingFile[], secrets: readonly string[]): void {
  const short = secrets.filter((s) => s.length < SHORTEST_GUARDED);
  if (short.length > 0) {
    throw new SuiteError('SECRET_LEAK', `Refusing to write: ${short.length} secret value(s) are shorter than ${SHORTEST_GUARDED} characters, too short to be told apart from other text, so no file can be shown free of them.`);
  }
  const hits = findLeaks(files, secrets);
  if (hits.length > 0) {
    throw new SuiteError('SECRET_LEAK', `Refusing to write: ${hits.length} secret value(s) found in the output (nothing was written).`, { details: hits.map(describeLeak) });
  }
}

/** For each alignment, the base64 (and base64url) characters made only of the text's own bits. */
function base64Inner(text: string): [string, string][] {
  const bytes = Buffer.from(text);
  const out: [string, string][] = [];
  for (const shift of [0, 1, 2]) {
    const inner = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const run = inner.slice(Math.ceil((4 * shift) / 3), Math.floor((4 * (shift + bytes.length)) / 3));
    if (run.length < 8) continue;
    out.push([`base64 inside a longer value (alignment ${shift})`, run]);
    out.push([`base64url inside a longer value (alignment ${shift})`, run.replace(/\+/g, '-').replace(/\//g, '_')]);
  }
  return out;
}

function contains(text: string, lower: string, needle: string): boolean {
  if (text.includes(needle)) return true;
  // Percent-encoding hex digits may be either case (%2f, %2F).
  return needle.includes('%') && lower.includes(needle.toLowerCase());
}

function xmlEscape(s: string, attribute: boolean): string {
  let out = '';
  for (const ch of s) {
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (attribute && ch === '"') out += '&quot;';
    else if (attribute && ch === "'") out += '&apos;';
    else out += ch;
  }
  return out;
}

/** JSON string escaping as RFC 8259 serializers write it: a backslash before `"` and `\`, the short escapes of backspace, form feed, newline, carriage return and tab, and `\u00XX` for the other control characters. */
function jsonEscape(s: string): string {
  return s.replace(/[\\"\u0000-\u001f]/g, (ch) => JSON_SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const JSON_SHORT: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function safeUrl(s: string, form: boolean): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(s);
  } catch {
    return s; // a lone surrogate: nothing to encode it as
  }
  // application/x-www-form-urlencoded (WHATWG URL, as URLSearchParams writes it): space as +, and
  // ! ' ( ) ~ percent-encoded, which encodeURIComponent leaves; * stays as it is.
  return form ? encoded.replace(/%20/g, '+').replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : encoded;
}
