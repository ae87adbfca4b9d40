import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile } from '../../../../src/codec/text/read-text-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-text-file-'));
const LIMIT = { maxBytes: 64, name: 'TEST_LIMIT' };

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('readTextFile reads a UTF-8 file the user named, within a named limit', () => {
  it('returns the text of a UTF-8 file, its byte-order mark dropped (RFC 3629 §6)', async () => {
    expect(await readTextFile(file('plain.txt', 'Fatura nº 7 — €12'), LIMIT)).toEqual({ ok: true, value: 'Fatura nº 7 — €12' });
    expect(await readTextFile(file('bom.txt', Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])), LIMIT)).toEqual({ ok: true, value: '{}' });
  });

  it('keeps a U+FFFD that is really in the file, as text', async () => {
    expect(await readTextFile(file('fffd.txt', 'a\uFFFDb'), LIMIT)).toEqual({ ok: true, value: 'a\uFFFDb' });
  });

  it('accepts a file of exactly the limit and refuses one byte more, naming the limit', async () => {
    expect((await readTextFile(file('exact.txt', 'x'.repeat(64)), LIMIT)).ok).toBe(true);
    const over = file('over.txt', 'x'.repeat(65));
    expect(await readTextFile(over, LIMIT)).toEqual({ ok: false, problem: `${over}: 65 bytes; the limit is 64 bytes (TEST_LIMIT)` });
  });

  it('refuses a file that is not UTF-8 where its first bad byte is, by line and column, never replacing it', async () => {
    const latin1 = file('latin1.txt', Buffer.concat([Buffer.from('line one\nn'), Buffer.from([0xba]), Buffer.from(' 7')]));
    expect(await readTextFile(latin1, LIMIT)).toEqual({
      ok: false,
      problem: `${latin1}: not UTF-8 text: byte 0xBA at byte 11 (line 2, column 2) is not part of a UTF-8 character; save it as UTF-8`,
    });
  });

  it('names the byte only when the file holds no secrets', async () => {
    const secret = file('secret.txt', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x74]));
    const read = await readTextFile(secret, { ...LIMIT, secret: true });
    expect(read).toEqual({ ok: false, problem: `${secret}: not UTF-8 text: a byte at byte 4 (line 1, column 4) is not part of a UTF-8 character; save it as UTF-8` });
  });

  it('refuses UTF-16 and UTF-32 files by their byte-order mark', async () => {
    const cases: [string, number[]][] = [
      ['UTF-16LE', [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]],
      ['UTF-16BE', [0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]],
      ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00, 0x7b, 0x00, 0x00, 0x00]],
      ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x7b]],
    ];
    for (const [encoding, bytes] of cases) {
      const path = file(`${encoding}.txt`, Buffer.from(bytes));
      expect(await readTextFile(path, LIMIT), encoding).toEqual({ ok: false, problem: `${path}: the file is ${encoding} (it starts with that byte-order mark); save it as UTF-8` });
    }
  });

  it('refuses a folder, a device and a FIFO without reading them (a FIFO with no writer would block forever)', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const path of [dir, '/dev/zero', fifo]) expect(await readTextFile(path, LIMIT), path).toEqual({ ok: false, problem: `${path}: not a file` });
  });

  it('says why a file cannot be read, by its error code', async () => {
    const missing = join(dir, 'missing.txt');
    expect(await readTextFile(missing, LIMIT)).toEqual({ ok: false, problem: `${missing}: cannot read (ENOENT)` });
  });
});
