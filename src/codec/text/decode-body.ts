import { fail, ok, type Result } from '../../model/result.ts';
import { canonicalEncoding, charsetOf } from './charset-of.ts';
import { decodeWindows1252 } from './windows-1252.ts';

/** Why a body's bytes could not be turned into text. */
export interface EncodingProblem {
  readonly rule: 'body-encoding';
  readonly message: string;
}

/** What the bytes say about their own encoding: a byte-order mark, or an XML declaration. */
interface InBand {
  readonly label: string;
  readonly source: 'byte-order mark' | 'XML declaration';
  /** Bytes to skip before decoding (the BOM). */
  readonly skip: number;
}

/**
 * Decode a body by its HTTP charset and, for XML, its byte-order mark or encoding declaration
 * (ISO-8859-1, Windows-1252, UTF-16 with or without a BOM, UTF-8 by default), with Node's
 * TextDecoder in fatal mode, so bytes that do not fit the encoding are refused, never replaced
 * by U+FFFD. Fails, naming both, when the header and the body disagree, or when an encoding is
 * unknown.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): Result<string, EncodingProblem> {
  const header = charsetOf(contentType);
  const inBand = inBandEncoding(bytes);
  const headerEncoding = header === undefined ? undefined : canonicalEncoding(header);
  if (header !== undefined && headerEncoding === undefined) return problem(`the Content-Type charset "${header}" is not an encoding this suite knows`);
  const bodyEncoding = inBand === undefined ? undefined : canonicalEncoding(inBand.label);
  if (inBand !== undefined && bodyEncoding === undefined) return problem(`the ${inBand.source} names "${inBand.label}", which is not an encoding this suite knows`);
  if (inBand?.skip === 0 && inBand.label.startsWith('utf-16') && bytes[0] === 0x3c && bytes[1] !== 0x00) {
    return problem(`the XML declaration says ${inBand.label} but the bytes are not UTF-16 (a UTF-16 document starts with a byte-order mark or a 16-bit '<')`);
  }
  if (headerEncoding !== undefined && bodyEncoding !== undefined && !compatible(headerEncoding, bodyEncoding)) {
    return problem(`the Content-Type says charset=${header ?? ''} but the ${inBand?.source ?? ''} says ${inBand?.label ?? ''}`);
  }
  const encoding = bodyEncoding !== undefined && bodyEncoding.startsWith('utf-16') ? bodyEncoding : headerEncoding ?? bodyEncoding ?? 'utf-8';
  try {
    const content = bytes.subarray(inBand?.skip ?? 0);
    return ok(encoding === 'windows-1252' ? decodeWindows1252(content) : new TextDecoder(encoding, { fatal: true }).decode(content));
  } catch {
    return problem(`the bytes are not valid ${encoding}${header === undefined && inBand === undefined ? ' (no charset was declared, so UTF-8 applies)' : ''}`);
  }
}

/** `utf-16` in a declaration is satisfied by either byte order; otherwise the names must match. */
function compatible(a: string, b: string): boolean {
  return a === b || (a.startsWith('utf-16') && b.startsWith('utf-16'));
}

/** A BOM, UTF-16 `<?` without a BOM, or the `encoding` of an ASCII-compatible XML declaration. */
function inBandEncoding(bytes: Uint8Array): InBand | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { label: 'utf-8', source: 'byte-order mark', skip: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { label: 'utf-16le', source: 'byte-order mark', skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { label: 'utf-16be', source: 'byte-order mark', skip: 2 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return { label: 'utf-16le', source: 'XML declaration', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return { label: 'utf-16be', source: 'XML declaration', skip: 0 };
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const m = /^<\?xml[^?>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1] === undefined ? undefined : { label: m[1].toLowerCase(), source: 'XML declaration', skip: 0 };
}

function problem(what: string): Result<string, EncodingProblem> {
  return fail({ rule: 'body-encoding', message: `Cannot decode the body: ${what}.` });
}
