/**
 * Characters XML 1.0 does not allow anywhere in a document (§2.2 `Char`): C0 controls other than
 * tab, LF and CR, U+FFFE, U+FFFF, and UTF-16 surrogates that are not part of a pair.
 */
// No `u` flag: the lookarounds must see UTF-16 code units, which is what finds lone surrogates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where a forbidden character is, and which one (as `U+XXXX`). */
export interface ForbiddenChar {
  readonly index: number;
  readonly codePoint: string;
}

/** The first character of `text` that XML 1.0 forbids, or undefined. One linear scan. */
export function forbiddenXmlChar(text: string): ForbiddenChar | undefined {
  const m = FORBIDDEN.exec(text);
  if (m === null) return undefined;
  const code = m[0].charCodeAt(0);
  return { index: m.index, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}
