/** The five entities XML predefines; anything else would need a DTD, which we reject. */
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

// A reference never contains whitespace, which keeps a stray `&` from swallowing the rest of the text.
const REFERENCE = /&([^&;\s]*)(;?)/g;
const HEX_DIGITS = /^[0-9a-fA-F]{1,6}$/;
const DECIMAL_DIGITS = /^[0-9]{1,7}$/;

/**
 * Decode entity and character references (`&amp;`, `&#233;`, `&#xE9;`) in one pass,
 * so `&amp;#233;` correctly stays `&#233;`.
 *
 * It runs inside fast-xml-parser as its entity decoder, where throwing is the only way
 * to abort; `parseXml` turns the error into an `xml-malformed` problem.
 * @throws {Error} on an undeclared entity, an unterminated reference or a reference to a
 * character XML does not allow.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match: string, name: string, semicolon: string) => {
    if (semicolon === '') throw new Error(`Unterminated reference '${match.slice(0, 40)}'`);
    return name.startsWith('#') ? decodeCharacter(name) : decodeNamed(name);
  });
}

function decodeNamed(name: string): string {
  const value = PREDEFINED.get(name);
  if (value === undefined) throw new Error(`Undeclared entity '&${name.slice(0, 40)};'`);
  return value;
}

function decodeCharacter(name: string): string {
  const hex = name.startsWith('#x');
  const digits = name.slice(hex ? 2 : 1);
  const code = (hex ? HEX_DIGITS : DECIMAL_DIGITS).test(digits) ? Number.parseInt(digits, hex ? 16 : 10) : -1;
  if (!isXmlChar(code)) throw new Error(`Invalid character reference '&${name.slice(0, 40)};'`);
  return String.fromCodePoint(code);
}

/** XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x9 || code === 0xa || code === 0xd;
  return code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
