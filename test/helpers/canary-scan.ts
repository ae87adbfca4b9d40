/**
 * A leak scanner written for the tests, independent of src/recording: instead of encoding the
 * secret every way the redactor does, it DECODES what was written (XML entities, JSON escapes,
 * percent- and form-encoding, base64 and base64url at every alignment), up to three layers deep,
 * and looks for the raw canary, or any part of it, in every decoded layer.
 */

/** Characters a canary must hold: each changes under XML, JSON, URL or form encoding. */
export const CANARY_SPECIALS = `&<>"'\\%+/`;

/** A unique canary credential: a tag, then every special character, then a random tail. */
export function canary(tag: string): string {
  return `${tag}${CANARY_SPECIALS}${Math.random().toString(36).slice(2, 10)}`;
}

/** Part length looked for: a leak of this many consecutive canary characters counts. */
const PART = 10;

/** One layer of decoding, tolerant of garbage around the encoded part. */
const DECODERS: Readonly<Record<string, (text: string) => string[]>> = {
  xml: (t) => [t.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => xmlEntity(e))],
  json: (t) => [t.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_, e: string) => jsonEscape(e))],
  url: (t) => [percentDecode(t), percentDecode(t.replace(/\+/g, ' '))],
  base64: (t) => base64Decodings(t),
};

/**
 * Where any canary (or a PART-character piece of one) shows in the text after up to `depth`
 * decoding layers: `canary #i via xml > url` for each find. Empty when the text is clean.
 */
export function scanForCanaries(text: string, canaries: readonly string[], depth = 3): string[] {
  const finds = new Set<string>();
  const holding = canariesIn(canaries);
  const visit = (layer: string, path: readonly string[], seen: Set<string>): void => {
    if (seen.has(layer)) return;
    seen.add(layer);
    for (const i of holding(layer)) finds.add(`canary #${i} via ${path.length === 0 ? 'raw text' : path.join(' > ')}`);
    if (path.length >= depth) return;
    for (const [name, decode] of Object.entries(DECODERS)) for (const next of decode(layer)) if (next !== layer) visit(next, [...path, name], seen);
  };
  visit(text, [], new Set());
  return [...finds].sort();
}

/**
 * Which canaries a text holds whole or by a PART-character piece. A canary of PART characters or
 * more is held exactly when one of its PART-character pieces is; all pieces are looked for in one
 * pass (one expression of the pieces, tried at every position), a shorter canary on its own.
 */
function canariesIn(canaries: readonly string[]): (text: string) => Set<number> {
  const owners = new Map<string, number[]>();
  const short: [number, string][] = [];
  canaries.forEach((c, i) => {
    if (c.length < PART) return void short.push([i, c]);
    for (let at = 0; at + PART <= c.length; at++) owners.set(c.slice(at, at + PART), [...(owners.get(c.slice(at, at + PART)) ?? []), i]);
  });
  const pieces = owners.size === 0 ? undefined : new RegExp([...owners.keys()].map((p) => p.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'), 'g');
  return (text) => {
    const held = new Set(short.filter(([, c]) => text.includes(c)).map(([i]) => i));
    if (pieces === undefined) return held;
    pieces.lastIndex = 0;
    for (let m = pieces.exec(text); m !== null; m = pieces.exec(text)) {
      for (const i of owners.get(m[0]) ?? []) held.add(i);
      // Pieces overlap: look again from the next character, not after this piece.
      pieces.lastIndex = m.index + 1;
    }
    return held;
  };
}

function xmlEntity(e: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  if (named[e.toLowerCase()] !== undefined) return named[e.toLowerCase()] ?? '';
  const code = e.toLowerCase().startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
}

function jsonEscape(e: string): string {
  if (e.startsWith('u')) return String.fromCharCode(parseInt(e.slice(1), 16));
  return ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
}

function percentDecode(t: string): string {
  return t.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}

/** Each run of base64 (or base64url) characters decoded from each of its first four start points. */
function base64Decodings(t: string): string[] {
  const runs = t.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? [];
  if (runs.length === 0) return [];
  const standard = runs.map((run) => run.replace(/-/g, '+').replace(/_/g, '/'));
  const out: string[] = [];
  for (const skip of [0, 1, 2, 3]) {
    // Each run's bytes are decoded once, then read as Latin-1 and as UTF-8.
    const bytes = standard.map((run) => Buffer.from(run.slice(skip), 'base64'));
    out.push(bytes.map((b) => b.toString('latin1')).join('\n'));
    out.push(bytes.map((b) => b.toString('utf8')).join('\n'));
  }
  return out;
}

/** Encoders the tests compose by hand (depth 1 and 2), never the suite's own code. */
export const TEST_ENCODERS: Readonly<Record<string, (s: string) => string>> = {
  'XML text': (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  'XML attribute': (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
  'XML decimal refs': (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
  'XML hex refs': (s) => s.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
  JSON: (s) => JSON.stringify(s).slice(1, -1),
  'JSON \\u-escaped': (s) => JSON.stringify(s).slice(1, -1).replace(/[<>&'+]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  'URL %20': (s) => encodeURIComponent(s),
  'URL lower-case hex': (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'form +': (s) => new URLSearchParams({ s }).toString().slice(2),
  base64: (s) => Buffer.from(s).toString('base64'),
  'base64 after 1 byte': (s) => Buffer.from(`x${s}`).toString('base64'),
  'base64 after 2 bytes': (s) => Buffer.from(`xy${s}`).toString('base64'),
  base64url: (s) => Buffer.from(s).toString('base64url'),
  'base64url after 1 byte': (s) => Buffer.from(`x${s}`).toString('base64url'),
};

/** Every composition of up to two TEST_ENCODERS applied to `secret`, named `A, then B`. */
export function composedEncodings(secret: string): [string, string][] {
  const once = Object.entries(TEST_ENCODERS).map(([name, f]): [string, string] => [name, f(secret)]);
  const twice = once.flatMap(([n1, t]) => Object.entries(TEST_ENCODERS).map(([n2, f]): [string, string] => [`${n1}, then ${n2}`, f(t)]));
  return [...once, ...twice];
}
