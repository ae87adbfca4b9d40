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
  eachBase64Run(text, (index, run, undecoded) => {
    out.push(undecoded ? { index, text: run, decoded: [], undecoded: true } : decodedRun(index, run));
  });
  return out;
}

/**
 * Call `each` with every base64-looking run of the text in order (its position, its text, and whether
 * it is over the decoding limits), as {@link base64RunsIn} lists them, without building a record per
 * run: redaction judges most runs from memory and never decodes them. `each` may scan other texts.
 */
export function eachBase64Run(text: string, each: (index: number, run: string, undecoded: boolean) => void): void {
  let budget = MAX_DECODED_PER_TEXT;
  // exec on the one global pattern (`matchAll` would clone it for every text), its position kept
  // across `each`, which may scan a decoded run with the same pattern.
  RUN.lastIndex = 0;
  for (let match = RUN.exec(text); match !== null; match = RUN.exec(text)) {
    const next = RUN.lastIndex;
    const run = match[0];
    if (run.length > MAX_DECODED_RUN || run.length > budget) each(match.index, run, true);
    else {
      budget -= run.length;
      each(match.index, run, false);
    }
    RUN.lastIndex = next;
  }
}

/** A run whose decodings are computed on first read: a caller that already knows its verdict skips them. */
function decodedRun(index: number, text: string): Base64Run {
  let decoded: readonly string[] | undefined;
  return {
    index,
    text,
    undecoded: false,
    get decoded(): readonly string[] {
      decoded ??= base64Decodings(text);
      return decoded;
    },
  };
}

/** What a run decodes to, from each of its first four characters, as UTF-8 (URL and JSON escapes of `+ / =` undone first). */
export function base64Decodings(run: string): string[] {
  const plain = run.replace(/%2[Bb]|\\u002[Bb]/g, '+').replace(/%2[Ff]|\\\/|\\u002[Ff]/g, '/').replace(/%3[Dd]|\\u003[Dd]/g, '=');
  // Node's base64 decoder also reads the URL-safe alphabet (- and _).
  return [0, 1, 2, 3].map((skip) => Buffer.from(plain.slice(skip), 'base64').toString('utf8'));
}
