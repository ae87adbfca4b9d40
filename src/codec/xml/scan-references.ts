import { xmlNameEnd } from './xml-name.ts';

/** Where a malformed reference starts. */
export interface BadReference {
  readonly index: number;
}

/**
 * Count the entity and character references in `source[from, to)`, checking that each `&`
 * starts one (XML 1.0 §4.1: `&Name;`, `&#digits;` or `&#xhex;`). Which entities exist, and
 * whether a character reference names an allowed character, is left to the entity decoder.
 * @returns the number of references, or where the first malformed one starts.
 */
export function scanReferences(source: string, from: number, to: number): number | BadReference {
  let n = 0;
  for (let at = source.indexOf('&', from); at !== -1 && at < to; at = source.indexOf('&', at + 1)) {
    // A reference never runs past `to`: ranges end at '<' or a quote, which no name or digit includes.
    if (referenceEnd(source, at + 1) === undefined) return { index: at };
    n += 1;
  }
  return n;
}

/** Index of the `;` that ends the reference whose body starts at `from`, if it is well-formed. */
function referenceEnd(source: string, from: number): number | undefined {
  let end: number | undefined;
  if (source[from] !== '#') end = xmlNameEnd(source, from);
  else if (source[from + 1] === 'x') end = matchEnd(HEX, source, from + 2);
  else end = matchEnd(DECIMAL, source, from + 1);
  return end !== undefined && end > from && source[end] === ';' ? end : undefined;
}

const DECIMAL = /[0-9]+/y;
const HEX = /[0-9a-fA-F]+/y;

function matchEnd(pattern: RegExp, source: string, from: number): number | undefined {
  pattern.lastIndex = from;
  return pattern.test(source) ? pattern.lastIndex : undefined;
}
