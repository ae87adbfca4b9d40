import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifierChildEntry } from '../../src/pact/verifier-process.ts';
import { repoPath } from '../helpers/paths.ts';

const run = promisify(execFile);

/**
 * A package laid out as the real one (package.json, src/cli/bin.js, src/cli/main.ts, dist/cli/ with main.mjs for
 * `--help` and `--version`, program.mjs and program.cjs for commands, verify-child.cjs for the Pact verifier
 * child), in which each bundle and the sources say which one ran, so the bin's choice is observable without
 * touching this repository.
 */
async function fakePackage(dir: string): Promise<void> {
  await mkdir(join(dir, 'src', 'cli'), { recursive: true });
  await mkdir(join(dir, 'dist', 'cli'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'invoice-update-conformance', type: 'module' }));
  await copyFile(repoPath('src/cli/bin.js'), join(dir, 'src', 'cli', 'bin.js'));
  await copyFile(repoPath('src/cli/tune-v8.js'), join(dir, 'src', 'cli', 'tune-v8.js'));
  await mkdir(join(dir, 'src', 'entry'), { recursive: true });
  await copyFile(repoPath('src/entry/bundle-is-fresh.js'), join(dir, 'src', 'entry', 'bundle-is-fresh.js'));
  await symlink(repoPath('node_modules'), join(dir, 'node_modules'));
  const main = (who: string): string => `export async function main(argv) { process.stdout.write('${who} ' + argv.join(' ')); return 0; }\n`;
  await writeFile(join(dir, 'src', 'cli', 'main.ts'), main('sources'));
  await writeFile(join(dir, 'dist', 'cli', 'main.mjs'), main('bundle'));
  await writeFile(join(dir, 'dist', 'cli', 'program.mjs'), main('program'));
  await writeFile(join(dir, 'dist', 'cli', 'program.cjs'), '');
  await writeFile(join(dir, 'dist', 'cli', 'verify-child.cjs'), '');
  await writeFile(join(dir, 'package-lock.json'), '{}\n');
}

/** The manifest the build writes: the sources (and the lockfile, optional) with size and mtime, and the build time. */
async function writeManifest(dir: string, builtAt: number, withLock: boolean): Promise<void> {
  const entry = async (path: string, optional: boolean) => {
    const { size, mtimeMs } = await stat(join(dir, path));
    return optional ? { path, size, mtimeMs, optional } : { path, size, mtimeMs };
  };
  const files = [await entry('src/cli/main.ts', false), ...(withLock ? [await entry('package-lock.json', true)] : [])];
  await writeFile(join(dir, 'dist', 'cli', 'manifest.json'), JSON.stringify({ builtAt, files }));
}

async function ranFrom(dir: string, env: NodeJS.ProcessEnv = {}, args: readonly string[] = ['run']): Promise<string> {
  const { stdout } = await run(process.execPath, [join(dir, 'src', 'cli', 'bin.js'), ...args], { cwd: tmpdir(), env: { ...process.env, ...env, CONFORMANCE_FROM_SOURCE: env['CONFORMANCE_FROM_SOURCE'] ?? '' } });
  return stdout;
}

/** Set a file's mtime to `seconds` after the epoch second of `base`. */
async function touch(path: string, base: number, seconds: number): Promise<void> {
  const t = new Date(base + seconds * 1000);
  await utimes(path, t, t);
}

describe('src/cli/bin.js', () => {
  let dir: string;
  const past = Date.now() - 3_600_000;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-bin-'));
    await fakePackage(dir);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the bundle when no source changed since the build, from any working directory', async () => {
    await touch(join(dir, 'src', 'cli', 'main.ts'), past, 0);
    await touch(join(dir, 'package-lock.json'), past, 0);
    await writeManifest(dir, past + 10_000, true);
    expect(await ranFrom(dir)).toBe('program run');
  });

  it('falls back to the TypeScript sources through tsx when a source file is newer than the build', async () => {
    await touch(join(dir, 'src', 'cli', 'main.ts'), past, 0);
    await writeManifest(dir, past + 10_000, true);
    await touch(join(dir, 'src', 'cli', 'main.ts'), past, 60);
    expect(await ranFrom(dir)).toBe('sources run');
  });

  it('falls back to the sources when the lockfile changed (dependencies are bundled), and not when it is absent', async () => {
    await touch(join(dir, 'src', 'cli', 'main.ts'), past, 0);
    await touch(join(dir, 'package-lock.json'), past, 0);
    await writeManifest(dir, past + 10_000, true);
    await writeFile(join(dir, 'package-lock.json'), '{"changed":true}\n');
    expect(await ranFrom(dir)).toBe('sources run');
    // An installed package ships no lockfile: its absence keeps the bundle.
    await rm(join(dir, 'package-lock.json'));
    expect(await ranFrom(dir)).toBe('program run');
    await writeFile(join(dir, 'package-lock.json'), '{}\n');
  });

  it('runs the engine-free bundle for --help, --version and no arguments, and falls back from it too', async () => {
    await touch(join(dir, 'src', 'cli', 'main.ts'), past, 0);
    await touch(join(dir, 'package-lock.json'), past, 0);
    await writeManifest(dir, past + 10_000, true);
    expect(await ranFrom(dir, {}, ['--help'])).toBe('bundle --help');
    expect(await ranFrom(dir, {}, ['--version'])).toBe('bundle --version');
    expect(await ranFrom(dir, {}, [])).toBe('bundle ');
    expect(await ranFrom(dir, {}, ['check', '--help'])).toBe('program check --help');
    await touch(join(dir, 'src', 'cli', 'main.ts'), past, 60);
    expect(await ranFrom(dir, {}, ['--help'])).toBe('sources --help');
  });

  it('falls back to the sources when the CommonJS program is missing', async () => {
    await touch(join(dir, 'src', 'cli', 'main.ts'), past, 0);
    await touch(join(dir, 'package-lock.json'), past, 0);
    await writeManifest(dir, past + 10_000, true);
    await rm(join(dir, 'dist', 'cli', 'program.cjs'));
    expect(await ranFrom(dir)).toBe('sources run');
    expect(await ranFrom(dir, {}, ['--version'])).toBe('bundle --version');
    await writeFile(join(dir, 'dist', 'cli', 'program.cjs'), '');
  await writeFile(join(dir, 'dist', 'cli', 'verify-child.cjs'), '');
    expect(await ranFrom(dir)).toBe('program run');
  });

  it('runs the sources when CONFORMANCE_FROM_SOURCE=1, even with a fresh bundle', async () => {
    await touch(join(dir, 'src', 'cli', 'main.ts'), past, 0);
    await touch(join(dir, 'package-lock.json'), past, 0);
    await writeManifest(dir, past + 10_000, true);
    expect(await ranFrom(dir, { CONFORMANCE_FROM_SOURCE: '1' })).toBe('sources run');
    expect(await ranFrom(dir)).toBe('program run');
  });

  describe('the Pact verifier child (src/pact/verifier-process.ts) by the same rules', () => {
    const bundled = (): string => join(dir, 'dist', 'cli', 'verify-child.cjs');
    const sources = (): string => join(dir, 'src', 'pact', 'verify-child.js');

    it('starts from the bundled child when no source changed since the build, and from the sources when one did', async () => {
      await touch(join(dir, 'src', 'cli', 'main.ts'), past, 0);
      await touch(join(dir, 'package-lock.json'), past, 0);
      await writeManifest(dir, past + 10_000, true);
      expect(verifierChildEntry(dir)).toBe(bundled());
      await touch(join(dir, 'src', 'cli', 'main.ts'), past, 60);
      expect(verifierChildEntry(dir)).toBe(sources());
    });

    it('starts from the sources when the bundled child is missing, or when CONFORMANCE_FROM_SOURCE=1', async () => {
      await touch(join(dir, 'src', 'cli', 'main.ts'), past, 0);
      await touch(join(dir, 'package-lock.json'), past, 0);
      await writeManifest(dir, past + 10_000, true);
      const before = process.env['CONFORMANCE_FROM_SOURCE'];
      process.env['CONFORMANCE_FROM_SOURCE'] = '1';
      try {
        expect(verifierChildEntry(dir)).toBe(sources());
      } finally {
        if (before === undefined) delete process.env['CONFORMANCE_FROM_SOURCE'];
        else process.env['CONFORMANCE_FROM_SOURCE'] = before;
      }
      expect(verifierChildEntry(dir)).toBe(bundled());
      await rm(bundled());
      expect(verifierChildEntry(dir)).toBe(sources());
      await writeFile(bundled(), '');
    });
  });
});
