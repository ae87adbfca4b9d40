const TEXT_SPECIALS = /[&<>\r]/g;
const ATTRIBUTE_SPECIALS = /[&<>"\n\r\t]/g;

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

function replace(ch: string): string {
  return REPLACEMENTS[ch] ?? ch;
}

/** Escape character data: `& < >`, plus `\r`, which parsers would otherwise turn into `\n`. */
export function escapeXmlText(text: string): string {
  return text.replace(TEXT_SPECIALS, replace);
}

/** Escape a double-quoted attribute value: `& < > "`, and `\n \r \t` so parsers do not normalize them to spaces. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(ATTRIBUTE_SPECIALS, replace);
}
