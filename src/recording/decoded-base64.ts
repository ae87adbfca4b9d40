/**
 * Runs of base64 or base64url in a text (also when URL-encoded, `%2B %2F %3D`, or JSON-escaped,
 * `\/ \u002b`), long enough to hide a secret, and what each decodes to. Redaction decodes them and looks
 * inside, so a secret escaped any way and then base64-encoded (a vendor echoing its escaped view of
 * a request) is found however deep the escaping went.
 */

/** Shortest run worth decoding: the base64 of a MIN_SECRET_LENGTH (8-byte) secret takes 11 characters. */
export const MIN_BASE64_RUN = 11;

/**
 * Longest run decoded, and most characters decoded per text: beyond them (attachments, images)
 * only the precomputed base64 forms of each secret are looked for, so redaction stays linear.
 */
export const MAX_DECODED_RUN = 64 * 1024;
export const MAX_DECODED_PER_TEXT = 1024 * 1024;

const RUN = new RegExp(`(?:[A-Za-z0-9+/_-]|%2[BbFf]|\\\\/|\\\\u002[BbFf]){${MIN_BASE64_RUN},}(?:=|%3[Dd]|\\\\u003[Dd]){0,2}`, 'g');

/** A run and its decodings (from each of its first four characters, as UTF-8); none when over the limits. */
export interface Base64Run {
  readonly index: number;
  readonly text: string;
  readonly decoded: readonly string[];
  /** True when the run was too long to decode (or the text's budget was spent). */
  readonly undecoded: boolean;
}

/** The base64-looking runs of the text (within the decoding limits), with their decodings. */
export function base64RunsIn(text: string): Base64Run[] {
  const out: Base64Run[] = [];
  let budget = MAX_DECODED_PER_TEXT;
  // exec on the one global pattern: `matchAll` would clone the pattern for every text redacted.
  RUN.lastIndex = 0;
  for (let match = RUN.exec(text); match !== null; match = RUN.exec(text)) {
    if (match[0].length > MAX_DECODED_RUN || match[0].length > budget) {
      out.push({ index: match.index, text: match[0], decoded: [], undecoded: true });
      continue;
    }
    budget -= match[0].length;
    out.push(decodedRun(match.index, match[0]));
  }
  return out;
}

/** A run whose decodings are computed on first read: a caller that already knows its verdict skips them. */
function decodedRun(index: number, text: string): Base64Run {
  let decoded: string[] | undefined;
  return {
    index,
    text,
    undecoded: false,
    get decoded(): readonly string[] {
      decoded ??= decodings(text);
      return decoded;
    },
  };
}

function decodings(run: string): string[] {
  const plain = run.replace(/%2[Bb]|\\u002[Bb]/g, '+').replace(/%2[Ff]|\\\/|\\u002[Ff]/g, '/').replace(/%3[Dd]|\\u003[Dd]/g, '=');
  // Node's base64 decoder also reads the URL-safe alphabet (- and _).
  return [0, 1, 2, 3].map((skip) => Buffer.from(plain.slice(skip), 'base64').toString('utf8'));
}
