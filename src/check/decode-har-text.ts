import { TextDecoder } from 'node:util';

/**
 * The text of a HAR body: `text` as is, or decoded from base64 when `encoding` says so (devtools
 * and Playwright base64 binary or compressed-looking bodies; some tools do the same for postData).
 * Bytes are decoded with the charset of the media type when Node knows it, else as UTF-8.
 */
export function decodeHarText(text: string, encoding: unknown, mimeType: unknown): string {
  if (typeof encoding !== 'string' || encoding.toLowerCase() !== 'base64') return text;
  const bytes = Buffer.from(text, 'base64');
  return decoderFor(typeof mimeType === 'string' ? mimeType : '').decode(bytes);
}

function decoderFor(mimeType: string): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(mimeType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}
