import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractCacheDir } from '../../../src/contract/contract-cache.ts';
import { loadContract } from '../../../src/contract/load-contract.ts';
import { CENTRA_CONTRACT } from '../../helpers/paths.ts';

/** The Centra password's `secret` flag, as a load returns it. */
async function passwordIsSecret(): Promise<boolean | undefined> {
  const loaded = await loadContract(CENTRA_CONTRACT);
  if (!loaded.ok) throw new Error('the Centra contract should load');
  return loaded.value.contract.credentials['password']?.secret;
}

async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
}

describe('the contract cache', () => {
  const realTmp = process.env['TMPDIR'];
  let tmp: string;

  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'conformance-cache-'));
    process.env['TMPDIR'] = tmp;
  });

  afterEach(async () => {
    if (realTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = realTmp;
    await rm(tmp, { recursive: true, force: true });
  });

  it('is private to the user: folders 0700, entries and key 0600', async () => {
    await loadContract(CENTRA_CONTRACT);
    const dir = contractCacheDir();
    expect(dir.startsWith(tmp)).toBe(true);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, '..'))).mode & 0o777).toBe(0o700);
    const files = [...(await entries(dir)), join(dir, 'hmac.key')];
    expect(files.length).toBe(2);
    for (const f of files) expect((await stat(f)).mode & 0o777).toBe(0o600);
  });

  it('ignores an entry whose secret flag was flipped to false: redaction stays on', async () => {
    expect(await passwordIsSecret()).toBe(true);
    const [entry] = await entries(contractCacheDir());
    const text = await readFile(entry ?? '', 'utf8');
    const flipped = text.replace(/("password":\{[^}]*"secret":)true/, '$1false');
    expect(flipped).not.toBe(text);
    await writeFile(entry ?? '', flipped);
    expect(await passwordIsSecret()).toBe(true);
  });

  it('uses a verified entry (a second load reads the cache, not the file)', async () => {
    await loadContract(CENTRA_CONTRACT);
    const [entry] = await entries(contractCacheDir());
    // A valid entry re-signed by us would be used; prove reads happen by corrupting its MAC and
    // seeing the entry rewritten on the next load.
    const before = await readFile(entry ?? '', 'utf8');
    await writeFile(entry ?? '', `00${before.slice(2)}`);
    await loadContract(CENTRA_CONTRACT);
    expect(await readFile(entry ?? '', 'utf8')).toBe(before);
  });

  it('is not used when its folder is readable by others', async () => {
    const dir = contractCacheDir();
    await mkdir(dir, { recursive: true, mode: 0o755 });
    await chmod(join(dir, '..'), 0o755);
    expect(await passwordIsSecret()).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });
});
