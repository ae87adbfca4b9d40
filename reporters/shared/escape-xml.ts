/**
 * Characters XML 1.0 forbids anywhere in a document: C0 controls other than tab, LF and CR,
 * lone surrogates, and U+FFFE/U+FFFF. The `u` flag makes lone surrogates match as code points.
 */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  // Character references survive attribute-value normalization; literal whitespace would not.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Remove every character that is illegal in an XML 1.0 document (e.g. `\u0000`–`\u0008`). */
export function stripInvalidXmlChars(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, '');
}

/** Escape a string for use as XML element text: illegal characters are stripped, `& < >` escaped. */
export function escapeXmlText(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>]/g, (ch) => TEXT_ENTITIES[ch] ?? ch);
}

/**
 * Escape a string for use inside a double- or single-quoted XML attribute value.
 * Tabs and line breaks become character references so parsers keep them.
 */
export function escapeXmlAttribute(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>"'\t\n\r]/g, (ch) => ATTRIBUTE_ENTITIES[ch] ?? ch);
}
