import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { bundlesAreFresh } from '../../scripts/bundles-fresh.mjs';
import { repoPath, REPO_ROOT } from './paths.ts';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** How long a worker waits for another worker's `npm pack`. */
const PACK_WAIT_MS = 120_000;

/** What one `npm pack` of this repository gave. */
interface Packed {
  readonly tarball?: string;
  readonly error?: string;
}

/**
 * The path of this repository's `npm pack` tarball, packed once per vitest run (in the run's folder, see
 * test/helpers/run-dir-setup.ts) however many test files and workers ask: the first caller packs (building
 * the bundles first when they are stale, as `prepare` would), the others wait for its result. Callers must
 * not change the tarball; each extracts or installs it into its own folder.
 */
export async function packedTarball(): Promise<string> {
  const dir = inject('runDir');
  const result = join(dir, 'pack.json');
  let packed: Packed;
  try {
    await mkdir(join(dir, 'pack.lock'));
    packed = await pack(dir);
    await writeFile(`${result}.tmp`, JSON.stringify(packed));
    await rename(`${result}.tmp`, result);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    packed = await waitFor(result);
  }
  if (packed.tarball === undefined) throw new Error(`npm pack failed: ${packed.error ?? 'no tarball'}`);
  return packed.tarball;
}

async function pack(dir: string): Promise<Packed> {
  try {
    if (!bundlesAreFresh()) {
      await run(process.execPath, [repoPath('scripts/build-bundle.mjs')], { cwd: REPO_ROOT });
      await run(process.execPath, [repoPath('scripts/build-library.mjs')], { cwd: REPO_ROOT });
    }
    const { stdout } = await run(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 90_000 });
    return { tarball: join(dir, stdout.trim().split('\n').pop() ?? '') };
  } catch (error) {
    const e = error as { message?: string; stderr?: string };
    return { error: `${e.message ?? String(error)}\n${e.stderr ?? ''}` };
  }
}

async function waitFor(file: string): Promise<Packed> {
  for (const started = Date.now(); Date.now() - started < PACK_WAIT_MS; await sleep(100)) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return JSON.parse(text) as Packed;
  }
  return { error: `no tarball within ${PACK_WAIT_MS} ms` };
}
