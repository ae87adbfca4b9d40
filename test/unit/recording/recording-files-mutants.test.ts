import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHar, readHar, validateHar } from '../../../src/recording/read-har.ts';
import { createRecordingCache } from '../../../src/recording/recording-cache.ts';
import { recordingPath } from '../../../src/recording/recording-path.ts';
import { MAX_RECORDING_BYTES, unreplayableReason } from '../../../src/recording/replayable.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

const RECORDING = repoPath('recordings/centra/invoices_Update/update-ok.har');
const MINIMAL = '{"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[]}}';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'har-mutants-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readHar', () => {
  it('reads a committed recording as HAR 1.2', async () => {
    const read = await readHar(RECORDING);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.log.version).toBe('1.2');
  });

  it('says the file cannot be read, with the error code, for a missing file', async () => {
    const missing = join(dir, 'none.har');
    expect(await readHar(missing)).toEqual({ ok: false, problem: `${missing}: cannot read (ENOENT)` });
  });

  it('names the file and the JSON problem for text that is not JSON', async () => {
    const file = join(dir, 'broken.har');
    await writeFile(file, '{"log": ');
    const read = await readHar(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\S`));
  });
});

describe('parseHar and validateHar', () => {
  it('accept the smallest valid HAR 1.2 log', () => {
    expect(parseHar(MINIMAL, 'm.har')).toEqual({ ok: true, value: JSON.parse(MINIMAL) });
  });

  it('accept a body string longer than the JSON reader default string limit (1 MiB), as long as the file', () => {
    const big = JSON.parse(MINIMAL) as { log: Record<string, unknown> };
    big.log['comment'] = 'x'.repeat(2 * 1024 * 1024);
    expect(parseHar(JSON.stringify(big), 'big.har').ok).toBe(true);
  });

  it('name the file, the schema path and what is missing for JSON that is not HAR', () => {
    expect(validateHar({}, 'a.har')).toEqual({ ok: false, problem: "a.har: not valid HAR 1.2: / must have required property 'log'" });
    expect(validateHar({ log: { version: '1.2', entries: [] } }, 'b.har')).toEqual({ ok: false, problem: "b.har: not valid HAR 1.2: /log must have required property 'creator'" });
    expect(parseHar('{"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[{}]}}', 'c.har')).toMatchObject({ ok: false, problem: expect.stringMatching(/^c\.har: not valid HAR 1\.2: \/log\/entries\/0 must have required property/) });
  });
});

describe('createRecordingCache', () => {
  it('reads each file once per run, however many ask, and each different file on its own', async () => {
    const file = join(dir, 'cached.har');
    await writeFile(file, MINIMAL);
    const cache = createRecordingCache();
    const first = cache.read(file);
    expect(cache.read(file)).toBe(first);
    expect((await first).ok).toBe(true);
    await writeFile(file, 'not json');
    expect((await cache.read(file)).ok).toBe(true);
    expect((await createRecordingCache().read(file)).ok).toBe(false);
    const other = cache.read(RECORDING);
    expect(other).not.toBe(first);
    expect(await other).toMatchObject({ ok: true, value: { log: { entries: [{ _case: 'update-ok' }] } } });
  });
});

describe('recordingPath', () => {
  it('is <vendor>/<operation>/<case>.har by default, or the case own recording', async () => {
    const { contract } = await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'));
    const c = contract.cases[0];
    if (c === undefined) throw new Error('no case');
    expect(recordingPath(contract, { ...c, recording: undefined } as never)).toBe(`centra/invoices_Update/${c.name}.har`);
    expect(recordingPath(contract as Contract, { ...c, recording: 'centra/shared/one.har' })).toBe('centra/shared/one.har');
  });
});

describe('unreplayableReason', () => {
  it('is undefined for a recording replay reads', async () => {
    expect(unreplayableReason(await readFile(RECORDING, 'utf8'), RECORDING)).toBeUndefined();
  });

  it('is MAX_RECORDING_BYTES, the JSON reader limit of 5 MiB', () => {
    expect(MAX_RECORDING_BYTES).toBe(5 * 1024 * 1024);
  });

  it('accepts a HAR of exactly MAX_RECORDING_BYTES and refuses one byte more, naming the limit in bytes and MiB', () => {
    const exact = MINIMAL.slice(0, -1) + ' '.repeat(MAX_RECORDING_BYTES - Buffer.byteLength(MINIMAL)) + '}';
    expect(Buffer.byteLength(exact)).toBe(MAX_RECORDING_BYTES);
    expect(unreplayableReason(exact, 'exact.har')).toBeUndefined();
    const over = `${exact} `;
    expect(unreplayableReason(over, 'over.har')).toBe(
      `the HAR would be ${MAX_RECORDING_BYTES + 1} bytes, over the recording read limit MAX_RECORDING_BYTES (5242880 bytes, 5 MiB) that replay enforces; the response body is too large once JSON-escaped`,
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    const chars = Math.ceil(MAX_RECORDING_BYTES / 2);
    const text = MINIMAL.slice(0, -1) + `,"comment":"${'é'.repeat(chars)}"}`;
    expect(text.length).toBeLessThan(MAX_RECORDING_BYTES);
    expect(unreplayableReason(text, 'wide.har')).toMatch(/^the HAR would be \d+ bytes, over the recording read limit/);
  });

  it('gives the reader problem for a file replay could not read', () => {
    expect(unreplayableReason('{"log":{}}', 'bad.har')).toMatch(/^replay could not read it: bad\.har: not valid HAR 1\.2: \/log must have required property/);
  });
});
