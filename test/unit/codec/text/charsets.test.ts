import { describe, expect, it } from 'vitest';
import { canonicalEncoding, charsetOf } from '../../../../src/codec/text/charset-of.ts';
import { decodeBody } from '../../../../src/codec/text/decode-body.ts';
import { encodeBody } from '../../../../src/codec/text/encode-body.ts';
import { decodeWindows1252, encodeWindows1252 } from '../../../../src/codec/text/windows-1252.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
const utf16le = (text: string): number[] => Array.from(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): number[] => Array.from(Buffer.from(text, 'utf16le').swap16());

function decoded(body: Uint8Array, contentType?: string): string {
  const result = decodeBody(body, contentType);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

function refusal(body: Uint8Array, contentType?: string): string {
  const result = decodeBody(body, contentType);
  if (result.ok) throw new Error(`Expected a refusal, got ${JSON.stringify(result.value)}`);
  expect(result.problem.rule).toBe('body-encoding');
  return result.problem.message;
}

describe('charsetOf (RFC 9110 media type parameters: case-insensitive name, optional quotes)', () => {
  it('reads the charset parameter however it is spaced, cased or quoted', () => {
    expect(charsetOf('text/xml;charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('text/xml; Charset = "ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetOf('application/soap+xml; action="urn:x"; charset=utf-16')).toBe('utf-16');
  });

  it('gives undefined without a charset parameter', () => {
    expect(charsetOf('text/xml')).toBeUndefined();
    expect(charsetOf('text/xml; format=charset')).toBeUndefined();
    expect(charsetOf(undefined)).toBeUndefined();
  });

  it('maps labels to their WHATWG encoding names, as browsers do', () => {
    expect(canonicalEncoding('latin1')).toBe('windows-1252');
    expect(canonicalEncoding('ISO-8859-1')).toBe('windows-1252');
    expect(canonicalEncoding('utf8')).toBe('utf-8');
    expect(canonicalEncoding('x-klingon')).toBeUndefined();
  });
});

describe('decodeBody: byte-order marks and XML 1.0 Appendix F autodetection', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decoded(bytes(0xef, 0xbb, 0xbf, ...ascii('<a/>')))).toBe('<a/>');
  });

  it('decodes UTF-16 by its byte-order mark in either byte order, without the mark', () => {
    expect(decoded(bytes(0xff, 0xfe, ...utf16le('<é/>')))).toBe('<é/>');
    expect(decoded(bytes(0xfe, 0xff, ...utf16be('<é/>')))).toBe('<é/>');
  });

  it('lets the byte-order mark choose the byte order when the header only says UTF-16', () => {
    expect(decoded(bytes(0xfe, 0xff, ...utf16be('<é/>')), 'text/xml; charset=utf-16')).toBe('<é/>');
    expect(decoded(bytes(0xff, 0xfe, ...utf16le('<é/>')), 'text/xml; charset=utf-16be')).toBe('<é/>');
  });

  it("detects UTF-16 without a mark from a 16-bit '<?'", () => {
    expect(decoded(bytes(...utf16le('<?xml version="1.0"?><é/>')))).toBe('<?xml version="1.0"?><é/>');
    expect(decoded(bytes(...utf16be('<?xml version="1.0"?><é/>')))).toBe('<?xml version="1.0"?><é/>');
  });

  it('reads the encoding declaration in single or double quotes, only at the very start', () => {
    expect(decoded(bytes(...ascii("<?xml version='1.0' encoding='ISO-8859-1'?><a>"), 0xe9, ...ascii('</a>')))).toBe("<?xml version='1.0' encoding='ISO-8859-1'?><a>é</a>");
    // Not a declaration when something comes before it, so UTF-8 applies and 0xE9 alone is invalid.
    expect(refusal(bytes(...ascii(' <?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...ascii('</a>')))).toBe(
      'Cannot decode the body: the bytes are not valid utf-8 (no charset was declared, so UTF-8 applies).',
    );
  });

  it('names the encoding and where it was declared when the bytes do not fit it', () => {
    expect(refusal(bytes(...ascii('<a>'), 0xe9, ...ascii('</a>')), 'text/xml; charset=utf-8')).toBe('Cannot decode the body: the bytes are not valid utf-8.');
    expect(refusal(bytes(0xff, 0xfe, 0x3c), undefined)).toBe('Cannot decode the body: the bytes are not valid utf-16le.');
    expect(refusal(bytes(...ascii('<?xml version="1.0" encoding="x-klingon"?><a/>')))).toBe('Cannot decode the body: the XML declaration names "x-klingon", which is not an encoding this suite knows.');
    expect(refusal(bytes(...ascii('<a/>')), 'text/xml; charset=x-klingon')).toBe('Cannot decode the body: the Content-Type charset "x-klingon" is not an encoding this suite knows.');
  });

  it('refuses a UTF-8 byte-order mark under a Latin-1 header, naming both', () => {
    expect(refusal(bytes(0xef, 0xbb, 0xbf, ...ascii('<a/>')), 'text/xml; charset=iso-8859-1')).toBe('Cannot decode the body: the Content-Type says charset=iso-8859-1 but the byte-order mark says utf-8.');
  });

  it('decodes a body larger than one decoding chunk completely', () => {
    const text = `<a>${'é€'.repeat(10_000)}</a>`;
    expect(decoded(encodeWindows1252(text), 'text/xml; charset=windows-1252')).toBe(text);
  });
});

describe('Windows-1252 (WHATWG index): 0x80–0x9F are punctuation, the five unassigned bytes stay C1', () => {
  it('decodes the assigned high bytes and keeps 0x81, 0x8D, 0x8F, 0x90 and 0x9D', () => {
    expect(decodeWindows1252(bytes(0x80, 0x85, 0x8a, 0x93, 0x94, 0x99, 0x9f))).toBe('€…Š“”™Ÿ');
    expect(decodeWindows1252(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d))).toBe('\u0081\u008D\u008F\u0090\u009D');
    expect(decodeWindows1252(bytes(0x41, 0x7f, 0xa0, 0xe9, 0xff))).toBe('A\u007F\u00A0éÿ');
  });

  it('encodes them back, and writes ? for a character it cannot hold', () => {
    expect(Array.from(encodeWindows1252('€…ŸAéÿ\u00A0'))).toEqual([0x80, 0x85, 0x9f, 0x41, 0xe9, 0xff, 0xa0]);
    expect(Array.from(encodeWindows1252('\u0081\u009D'))).toEqual([0x81, 0x9d]);
    expect(Array.from(encodeWindows1252('\u0080ĀΩ😀'))).toEqual([0x3f, 0x3f, 0x3f, 0x3f]);
  });
});

describe('encodeBody', () => {
  it('writes the charset the Content-Type names, UTF-8 otherwise', () => {
    expect(Array.from(encodeBody('é', 'text/xml; charset=ISO-8859-1'))).toEqual([0xe9]);
    expect(Array.from(encodeBody('é', 'text/xml; charset=utf-16le'))).toEqual([0xe9, 0x00]);
    expect(Array.from(encodeBody('é', 'text/xml; charset=utf-16be'))).toEqual([0x00, 0xe9]);
    expect(Array.from(encodeBody('é', 'text/xml'))).toEqual([0xc3, 0xa9]);
    expect(Array.from(encodeBody('é', 'text/xml; charset=x-klingon'))).toEqual([0xc3, 0xa9]);
    expect(Array.from(encodeBody('é', undefined))).toEqual([0xc3, 0xa9]);
  });
});
