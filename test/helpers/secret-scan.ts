import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The encodings a test looks for, written here independently of src/recording: as is, XML- and
 * JSON-escaped, URL- and form-encoded, base64 (padded, unpadded, URL-safe).
 */
export function testEncodings(secret: string): string[] {
  const xml = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const b64 = Buffer.from(secret).toString('base64');
  return [...new Set([secret, xml, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), b64, b64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url')])];
}

/** Which secrets (by index) appear in the text in any encoding, with the encoding found. */
export function findSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.flatMap((s, i) => testEncodings(s).filter((form) => text.includes(form)).map((form) => `secret #${i} as ${JSON.stringify(form)}`));
}

/** Every file under a folder, with its text. */
export async function readTree(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}
