/**
 * The one model of what a secret can look like once it has travelled through a vendor's stack:
 * every encoding reachable by composing, up to depth 2, XML escaping (text and attribute, named,
 * decimal and hex numeric references), JSON escaping (short escapes and `\uXXXX`), URL encoding
 * (`%20` and `+`, either hex case) and base64 (standard and URL-safe, each of the three byte
 * alignments), plus any distinctive substring of a long secret. Everything is compiled once per
 * secret set: the text forms into one matcher (src/recording/redact-matcher.ts, which scans as one
 * global regular expression of them would), the base64 forms into one regular expression.
 */

import { textMatcher, type MatcherAlternative, type TextMatcher } from './redact-matcher.ts';

/** Secrets longer than this are also found by any substring of this many characters. */
export const DISTINCTIVE_SUBSTRING_LENGTH = 12;

/** At most this many substring start points per secret (long tokens get a stride; see README). */
const MAX_WINDOWS = 48;

/** Shortest base64 run (made only of a secret's bits) worth looking for. */
const MIN_BASE64_NEEDLE = 6;

const XML_NAMED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** JSON's two-character escapes of control characters (RFC 8259 section 7), as `JSON.stringify` writes them. */
const JSON_SHORT: Readonly<Record<string, string>> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const oneStepCache = new Map<string, readonly string[]>();
const patternCache = new Map<string, string>();

/** Every one-step encoding of one character (XML, JSON or URL), the character itself first. */
export function oneStepForms(ch: string): readonly string[] {
  const cached = oneStepCache.get(ch);
  if (cached !== undefined) return cached;
  const out = new Set<string>([ch]);
  const cp = ch.codePointAt(0) ?? 0;
  const ascii = cp < 0x80;
  const alnum = /^[A-Za-z0-9]$/.test(ch);
  const named = XML_NAMED[ch];
  if (named !== undefined) out.add(named);
  if (named !== undefined || !ascii) for (const ref of [`&#${cp};`, `&#x${cp.toString(16)};`, `&#x${cp.toString(16).toUpperCase()};`]) out.add(ref);
  if (ch === '"' || ch === '\\' || ch === '/') out.add(`\\${ch}`);
  const short = JSON_SHORT[ch];
  if (short !== undefined) out.add(short);
  if (!alnum) {
    const units = [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i).toString(16).padStart(4, '0'));
    out.add(units.map((u) => `\\u${u}`).join(''));
    out.add(units.map((u) => `\\u${u.toUpperCase()}`).join(''));
  }
  for (const url of urlForms(ch)) out.add(url);
  const forms = [...out];
  oneStepCache.set(ch, forms);
  return forms;
}

function urlForms(ch: string): string[] {
  if (ch === ' ') return ['+', '%20'];
  let encoded: string;
  try {
    encoded = encodeURIComponent(ch);
  } catch {
    return []; // a lone surrogate has no UTF-8 form
  }
  if (encoded === ch) encoded = /[!'()*~]/.test(ch) ? `%${ch.charCodeAt(0).toString(16).toUpperCase()}` : ch;
  return encoded === ch ? [] : [encoded, encoded.toLowerCase()];
}

/** A regex source matching one character after up to `depth` (0, 1 or 2) character-wise encodings. */
export function charPattern(ch: string, depth: 0 | 1 | 2): string {
  const key = `${depth}:${ch}`;
  const cached = patternCache.get(key);
  if (cached !== undefined) return cached;
  let source: string;
  if (depth === 0) source = escapeRegex(ch);
  else {
    const forms = oneStepForms(ch).map((form) => (depth === 1 ? escapeRegex(form) : [...form].map((c) => charPattern(c, 1)).join('')));
    source = alternation(forms);
  }
  patternCache.set(key, source);
  return source;
}

/** A regex source matching a string after up to `depth` character-wise encodings (each character on its own). */
export function stringPattern(text: string, depth: 0 | 1 | 2): string {
  return [...text].map((c) => charPattern(c, depth)).join('');
}

/**
 * The base64 runs a text can hold: for each of the three alignments the text's bytes can start at
 * inside a longer base64 value, the characters made only of the text's bits (a fixed string).
 */
export function base64Runs(bytes: Buffer): string[] {
  const out: string[] = [];
  for (const shift of [0, 1, 2]) {
    const inner = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const run = inner.slice(Math.ceil((4 * shift) / 3), Math.floor((4 * (shift + bytes.length)) / 3));
    if (run.length >= MIN_BASE64_NEEDLE) out.push(run, run.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...new Set(out)];
}

/** The whole-string one-step encodings a serializer produces, the sources base64 is taken of. */
export function wholeStringForms(secret: string): string[] {
  const xmlText = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xmlAttr = xmlText.replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const xmlNumeric = secret.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const xmlHex = [false, true].map((upper) => secret.replace(/[&<>"']/g, (c) => `&#x${upper ? c.charCodeAt(0).toString(16).toUpperCase() : c.charCodeAt(0).toString(16)};`));
  const json = JSON.stringify(secret).slice(1, -1);
  const jsonSafe = json.replace(/[<>&'+]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const forms = [secret, xmlText, xmlAttr, xmlNumeric, ...xmlHex, json, jsonSafe, jsonSafe.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`), ...urlWhole(secret)];
  return [...new Set(forms)];
}

function urlWhole(secret: string): string[] {
  try {
    const component = encodeURIComponent(secret);
    const form = new URLSearchParams({ s: secret }).toString().slice(2);
    const lower = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    return [component, form, lower(component), lower(form)];
  } catch {
    return [];
  }
}

/** Regex sources for one secret's text forms: the whole secret (first), then its distinctive substrings. */
export function secretPatterns(secret: string): string[] {
  return secretAlternatives(secret).map((a) => a.source);
}

/**
 * One secret's text forms (the whole secret first, then its distinctive substrings), each with the
 * literals any match holds: the runs of letters and digits among the characters it must spell
 * out, as no XML, JSON or URL escape changes a letter or digit.
 */
export function secretAlternatives(secret: string): MatcherAlternative[] {
  return [{ source: stringPattern(secret, 2), literals: alnumRuns([...secret]), minLength: [...secret].length }, ...windowAlternatives(secret)];
}

/** The runs of two or more ASCII letters and digits in a sequence of characters (one is in most texts). */
function alnumRuns(chars: readonly string[]): string[] {
  return chars.join('').split(/[^A-Za-z0-9]+/).filter((run) => run.length >= 2);
}

/**
 * Regex sources for one secret's base64 forms: the base64 runs (each alignment, both alphabets)
 * of each whole-string form of it, and of the base64 of the secret itself (base64 of base64),
 * each allowing a URL or JSON escaping of `+ / =` on top.
 */
export function base64Patterns(secret: string): string[] {
  const base64 = new Set<string>();
  for (const source of wholeStringForms(secret)) {
    for (const run of base64Runs(Buffer.from(source, 'utf8'))) {
      base64.add(run);
      if (source === secret) for (const outer of base64Runs(Buffer.from(run, 'latin1'))) base64.add(outer);
    }
  }
  return [...base64].sort((a, b) => b.length - a.length).map((run) => stringPattern(run, 1));
}

/** Any substring of DISTINCTIVE_SUBSTRING_LENGTH characters, extended greedily to the secret's end (the extension is optional). */
function windowAlternatives(secret: string): MatcherAlternative[] {
  const chars = [...secret];
  if (chars.length <= DISTINCTIVE_SUBSTRING_LENGTH) return [];
  const starts = chars.length - DISTINCTIVE_SUBSTRING_LENGTH + 1;
  const stride = Math.max(1, Math.ceil(starts / MAX_WINDOWS));
  const out: MatcherAlternative[] = [];
  for (let start = 0; start < starts; start += stride) {
    const window = chars.slice(start, start + DISTINCTIVE_SUBSTRING_LENGTH);
    const head = window.map((c) => charPattern(c, 2)).join('');
    const tail = chars.slice(start + DISTINCTIVE_SUBSTRING_LENGTH).reduceRight((rest, c) => `(?:${charPattern(c, 1)}${rest})?`, '');
    out.push({ source: head + tail, literals: alnumRuns(window), minLength: window.length });
  }
  return out;
}

/** The compiled forms of a secret set: one matcher for text forms, one global regex for base64 forms. */
export interface SecretMatchers {
  /** Every XML/JSON/URL variant (depth 2) of every secret, whole or a distinctive part. */
  readonly text: TextMatcher;
  /** Every base64 form, for runs too long to decode and for decoded layers. */
  readonly base64: RegExp;
}

/**
 * The matchers for every secret in `secrets` of at least `minLength` characters, or undefined
 * when there is none to look for. Whole secrets come before parts, so the widest match wins.
 */
export function compileSecretMatchers(secrets: readonly string[], minLength: number): SecretMatchers | undefined {
  const usable = [...new Set(secrets)].filter((s) => s.length >= minLength).sort((a, b) => b.length - a.length);
  if (usable.length === 0) return undefined;
  const alternatives = usable.map(secretAlternatives);
  const ordered = [...alternatives.flatMap((a) => a.slice(0, 1)), ...alternatives.flatMap((a) => a.slice(1))];
  // A lookahead on the characters any variant can start with lets the engine skip other positions fast.
  const starts = [...new Set(usable.flatMap(startCharacters))].map(escapeClass).join('');
  const text = textMatcher(ordered, starts);
  // Short secrets have no base64 run long enough to look for: an empty pattern would match everywhere.
  const runs = usable.flatMap(base64Patterns);
  const base64 = new RegExp(runs.length === 0 ? '(?!)' : runs.map((p) => `(?:${p})`).join('|'), 'g');
  return { text, base64 };
}

/** Characters a variant of the secret can start with (a superset). */
function startCharacters(secret: string): string[] {
  const chars = [...secret];
  const starts = new Set<string>();
  const add = (c: string): void => {
    for (const form of oneStepForms(c)) for (const f of oneStepForms(form[0] ?? '')) starts.add(f[0] ?? '');
  };
  // Substring windows start at any of the secret's characters.
  chars.forEach(add);
  return [...starts].filter((c) => c !== '');
}

function escapeClass(ch: string): string {
  return /[\\\]^-]/.test(ch) ? `\\${ch}` : ch;
}

function alternation(forms: readonly string[]): string {
  const unique = [...new Set(forms)].sort((a, b) => b.length - a.length);
  return unique.length === 1 ? (unique[0] ?? '') : `(?:${unique.join('|')})`;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
