import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../helpers/run-cli.ts';

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, color: false, setExitCode: () => undefined } };
}

describe('conformance corpus', () => {
  it('writes every variant of the chosen vendor with an index that names outcome, vendor code and message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    // A real subprocess of the bin; the other tests call the command in-process.
    const out = await runCli(['corpus', '--vendor', 'ebizcharge', '--out', dir]);
    expect(out.code).toBe(0);
    // EBizCharge has two contracts: UpdateInvoice and the SearchInvoices probe.
    expect(out.stdout).toMatch(/Wrote \d+ bodies of \d+ documented responses \(2 contracts\)/);
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { schemaVersion: number; items: { file: string; outcome: string; message: string | null; variant: string }[] };
    expect(index.schemaVersion).toBe(1);
    expect([...new Set(index.items.map((i) => i.file.split('/').slice(0, 2).join('/')))].sort()).toEqual(['ebizcharge/SearchInvoices', 'ebizcharge/UpdateInvoice']);
    const bom = index.items.find((i) => i.file === 'ebizcharge/UpdateInvoice/update-not-found/bom.xml');
    expect(bom).toMatchObject({ outcome: 'not_found', message: 'Not Found ', variant: 'bom' });
    expect((await readFile(join(dir, bom?.file ?? ''), 'utf8')).startsWith('\uFEFF')).toBe(true);
  });

  it('refuses to write into node_modules or over a symlink (exit 2)', async () => {
    const { out, io: cli } = io();
    expect(await main(['corpus', '--out', 'node_modules/corpus'], cli)).toBe(2);
    expect(out.stderr).toMatch(/Refusing to write the corpus into node_modules/);
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    await writeFile(join(dir, 'elsewhere.json'), '{}');
    await symlink(join(dir, 'elsewhere.json'), join(dir, 'index.json'));
    const second = io();
    expect(await main(['corpus', '--vendor', 'crmcom', '--out', dir], second.io)).toBe(2);
    expect(second.out.stderr).toMatch(/Refusing to replace .*index\.json: it is a symbolic link/);
    expect(await readFile(join(dir, 'elsewhere.json'), 'utf8')).toBe('{}');
  });

  it('keeps record from writing into node_modules (exit 2)', async () => {
    const { out, io: cli } = io();
    expect(await main(['record', '--out', 'node_modules/recordings'], cli)).toBe(2);
    expect(out.stderr).toMatch(/Refusing to write into node_modules/);
  });

  it('rejects an unknown vendor as a usage error', async () => {
    const { out, io: cli } = io();
    expect(await main(['corpus', '--vendor', 'nosuch', '--out', 'x'], cli)).toBe(2);
    expect(out.stderr).toMatch(/Unknown vendor nosuch/);
  });
});
