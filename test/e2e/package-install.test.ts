import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { consumerLockfile } from '../helpers/consumer-lockfile.ts';
import { memoryTmpdir } from '../helpers/memory-tmpdir.ts';
import { packedTarball } from '../helpers/packed-tarball.ts';
import { repoPath } from '../helpers/paths.ts';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function sh(cmd: string, args: readonly string[], cwd: string, timeout = 90_000): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(cmd, [...args], { cwd, timeout, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

// The consumer's node_modules (about 190 MB) is written to memory where the machine allows it.
const work = await mkdtemp(join(memoryTmpdir(), 'conformance-consumer-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the packed package installed into a consumer project', () => {
  it('installs from its tarball offline and its bin, library import and msw import work there', async () => {
    // The run's one `npm pack` (test/helpers/packed-tarball.ts, shared with the library-entries test), which
    // builds the bundles first only if they are stale, as `prepare` would.
    const tarball = await packedTarball();
    const name = basename(tarball);
    await copyFile(tarball, join(work, name));
    const consumer = join(work, 'consumer');
    await mkdir(consumer);
    // The consumer depends on the tarball and on vitest, locked to the versions of this repository's
    // lockfile, whose tarballs the npm cache holds: `npm ci --offline` never asks the registry.
    const made = await consumerLockfile(repoPath('package-lock.json'), repoPath('package.json'), { spec: `file:../${name}`, file: join(work, name) }, 'consumer-of-invoice-update-conformance');
    const pkg = { ...(JSON.parse(made.pkg) as object), conformance: { out: 'reports' } };
    await writeFile(join(consumer, 'package.json'), JSON.stringify(pkg, null, 2));
    await writeFile(join(consumer, 'package-lock.json'), made.lock);
    await copyFile(repoPath('test/fixtures/consumer/vendors.test.js'), join(consumer, 'vendors.test.js'));
    const installed = await sh(NPM, ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer, 150_000);
    expect(installed.code, installed.stderr).toBe(0);
    const pkgDir = join(consumer, 'node_modules', 'invoice-update-conformance');
    const shipped = await listFiles(pkgDir);
    expect(shipped.some((f) => f.startsWith('test'))).toBe(false);
    expect(shipped.some((f) => f.startsWith('bench'))).toBe(false);
    expect(shipped).toContain(join('contracts', 'ebizcharge', 'UpdateInvoice.yaml'));

    const bin = join(consumer, 'node_modules', '.bin', 'conformance');
    const offline = await sh(bin, ['run', '--vendor', 'centra', '--reporter', 'json:reports/run.json'], consumer);
    expect(offline.code, offline.stderr).toBe(0);
    const help = await sh(bin, ['record', '--help'], consumer);
    // The consumer's package.json says { "conformance": { "out": "reports" } }: record writes there, not into node_modules.
    expect(help.stdout).toContain(join(consumer, 'reports', 'recordings'));
    const refused = await sh(bin, ['corpus', '--out', 'node_modules/corpus'], consumer);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Refusing to write the corpus into node_modules/);

    const lib = await sh(process.execPath, ['--input-type=module', '-e', "const m = await import('invoice-update-conformance'); console.log(Object.keys(m).sort().join(','))"], consumer);
    expect(lib.stdout.trim()).toBe('SuiteError,buildRequest,checkExchange,classifyResponse,loadContracts');

    const tests = await sh(join(consumer, 'node_modules', '.bin', 'vitest'), ['run'], consumer);
    expect(tests.code, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/2 passed/);
    expect(await listFiles(pkgDir)).toEqual(shipped);
  }, 240_000);
});
