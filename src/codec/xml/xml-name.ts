/**
 * XML 1.0 (fifth edition) §2.3 `Name`: a `NameStartChar` then any number of `NameChar`s.
 * Sticky, so it matches at one offset of the document without slicing it.
 */
const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`, 'uy');

/** Index just past the XML `Name` that starts at `from` in `source`, or `from` when none starts there. */
export function xmlNameEnd(source: string, from: number): number {
  NAME.lastIndex = from;
  return NAME.test(source) ? NAME.lastIndex : from;
}
