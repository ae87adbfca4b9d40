import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { fail, ok, type Result } from '../../model/result.ts';

/** A limit on a file's size, and the name the user reads in the message when it is passed. */
export interface FileLimit {
  readonly maxBytes: number;
  readonly name: string;
  /** The file holds secrets: a problem gives positions only, never a byte of the file. */
  readonly secret?: boolean;
}

/** Byte-order marks of encodings other than UTF-8: a file that starts with one is refused by name. */
const FOREIGN_BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'UTF-32LE' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'UTF-32BE' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

/**
 * Read a UTF-8 text file the user named, within a named size limit; never throws. A FIFO, device or
 * folder is refused without reading (opened non-blocking, checked by `fstat` on the same descriptor),
 * a file over the limit is refused by its size and never read past the limit, a UTF-8 byte-order
 * mark is dropped, and bytes that are not UTF-8 are refused where they start (a UTF-16 or UTF-32
 * file by its byte-order mark), never replaced by U+FFFD. Each problem is one sentence naming the file.
 */
export async function readTextFile(path: string, limit: FileLimit): Promise<Result<string, string>> {
  const bytes = await readFileBytes(path, limit);
  return bytes.ok ? decodeUtf8File(bytes.value, path, limit.secret === true) : bytes;
}

/** A file's bytes, read as {@link readTextFile} reads them but not decoded (for a body whose charset its headers give). */
export async function readFileBytes(path: string, limit: FileLimit): Promise<Result<Buffer, string>> {
  let bytes: Buffer;
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile()) return fail(`${path}: not a file`);
      if (info.size > limit.maxBytes) return fail(tooLarge(path, `${info.size} bytes`, limit));
      // One byte more than its size: a file that grows while it is read is refused, not cut short.
      bytes = Buffer.alloc(info.size + 1);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      if (filled > info.size) return fail(`${path}: the file grew while it was read`);
      bytes = bytes.subarray(0, filled);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fail(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return ok(bytes);
}

/** Why a file's bytes are not UTF-8 text: a foreign byte-order mark, or the first byte that does not decode. */
export interface NotUtf8 {
  readonly message: string;
  /** 1-based line and column of the first byte that does not decode (1:1 for a byte-order mark). */
  readonly line: number;
  readonly column: number;
}

/** The text of a file's bytes as strict UTF-8, a leading byte-order mark dropped (see {@link readTextFile}). */
export function decodeUtf8File(bytes: Buffer, path: string, secret = false): Result<string, string> {
  const text = decodeUtf8(bytes, secret);
  return text.ok ? text : fail(`${path}: ${text.problem.message}`);
}

/** {@link decodeUtf8File} with the problem's position apart, for readers that report line and column. */
export function decodeUtf8(bytes: Buffer, secret = false): Result<string, NotUtf8> {
  const foreign = FOREIGN_BOMS.find((bom) => bom.bytes.every((b, i) => bytes[i] === b));
  if (foreign !== undefined) return fail({ message: `the file is ${foreign.encoding} (it starts with that byte-order mark); save it as UTF-8`, line: 1, column: 1 });
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return isUtf8(body) ? ok(body.toString('utf8')) : fail(invalidAt(body, secret));
}

function tooLarge(path: string, size: string, limit: FileLimit): string {
  return `${path}: ${size}; the limit is ${limit.maxBytes} bytes (${limit.name})`;
}

/** Where the first byte that does not decode as UTF-8 is, as byte offset, line and column (1-based). */
function invalidAt(bytes: Buffer, secret: boolean): NotUtf8 {
  const text = bytes.toString('utf8');
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    const offset = Buffer.byteLength(text.slice(0, i), 'utf8');
    // A U+FFFD that is really in the file (EF BF BD) is text, not a decoding error.
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    const column = i - before.lastIndexOf('\n');
    const value = secret ? 'a byte' : `byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    return { message: `not UTF-8 text: ${value} at byte ${offset + 1} (line ${line}, column ${column}) is not part of a UTF-8 character; save it as UTF-8`, line, column };
  }
  return { message: 'not UTF-8 text; save it as UTF-8', line: 1, column: 1 };
}
