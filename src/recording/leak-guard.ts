import { SuiteError } from '../errors.ts';

/** The shortest secret the guard can look for without matching ordinary text. */
const SHORTEST_GUARDED = 4;

/** A file about to be written. */
export interface PendingFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The last line of defence before anything is written: scan each file's text for every secret
 * value in every encoding it could have taken, and refuse (throw) on any hit, naming the file and
 * the encoding but never the value. Deliberately independent of the redaction code: its own list
 * of encodings, so a bug in one is caught by the other.
 * @throws SuiteError `SECRET_LEAK`
 */
export function assertNoSecrets(files: readonly PendingFile[], secrets: readonly string[]): void {
  const short = secrets.filter((s) => s.length < SHORTEST_GUARDED);
  if (short.length > 0) {
    throw new SuiteError('SECRET_LEAK', `Refusing to write: ${short.length} secret value(s) are shorter than ${SHORTEST_GUARDED} characters, too short to be told apart from other text, so no file can be shown free of them.`);
  }
  const hits: string[] = [];
  for (const file of files) {
    for (const [index, secret] of secrets.entries()) {
      for (const [encoding, needle] of encodings(secret)) {
        if (contains(file.text, needle)) hits.push(`${file.path}: secret #${index + 1} (${secret.length} characters) found ${encoding}`);
      }
    }
  }
  if (hits.length > 0) {
    throw new SuiteError('SECRET_LEAK', `Refusing to write: ${hits.length} secret value(s) found in the output (nothing was written).`, { details: hits });
  }
}

/** Every (encoding name, encoded text) of a secret worth looking for. */
export function encodings(secret: string): [string, string][] {
  const out: [string, string][] = [
    ['as is', secret],
    ['XML-escaped', xmlEscape(secret, false)],
    ['XML-attribute-escaped', xmlEscape(secret, true)],
    ['JSON-escaped', jsonEscape(secret)],
    ['URL-encoded', encodeURIComponent(secret)],
    ['form-encoded', formEncode(secret)],
    ['base64', Buffer.from(secret).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(secret).toString('base64url')],
  ];
  // Inside a longer base64 text (e.g. Basic auth "user:secret") the secret's bytes start at one of
  // three alignments; for each, the characters made only of the secret's bits are a fixed string.
  const n = Buffer.byteLength(secret);
  for (const shift of [0, 1, 2]) {
    const inner = Buffer.concat([Buffer.alloc(shift), Buffer.from(secret)]).toString('base64');
    const start = Math.ceil((4 * shift) / 3);
    const end = Math.floor((4 * (shift + n)) / 3);
    if (end - start >= 8) out.push([`base64 (inside a longer value, alignment ${shift})`, inner.slice(start, end)]);
  }
  return out.filter(([, needle]) => needle !== '');
}

function contains(text: string, needle: string): boolean {
  if (text.includes(needle)) return true;
  // Percent-encoding hex digits may be either case (%2f, %2F).
  return needle.includes('%') && text.toLowerCase().includes(needle.toLowerCase());
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

function jsonEscape(s: string): string {
  return s.replace(/[\\"\u0000-\u001f]/g, (ch) => (ch === '"' || ch === '\\' ? `\\${ch}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

function formEncode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
