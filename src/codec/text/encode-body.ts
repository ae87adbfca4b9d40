import { canonicalEncoding, charsetOf } from './charset-of.ts';
import { encodeWindows1252 } from './windows-1252.ts';

/**
 * Encode text as the bytes its Content-Type charset names, so replay serves a recorded Latin-1 or
 * UTF-16 body exactly as the vendor sent it. UTF-8 when no charset (or an unknown one) is given;
 * a character the charset cannot hold becomes `?`, as a vendor's encoder would write it.
 */
export function encodeBody(text: string, contentType: string | undefined): Uint8Array {
  const label = charsetOf(contentType);
  const encoding = label === undefined ? 'utf-8' : (canonicalEncoding(label) ?? 'utf-8');
  switch (encoding) {
    case 'windows-1252':
      return encodeWindows1252(text);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    default:
      return new TextEncoder().encode(text);
  }
}
