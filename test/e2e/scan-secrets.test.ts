import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath, REPO_ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);

/** Exit code and output of a command (a non-zero exit is a result, not an error). */
async function exec(cmd: string, args: readonly string[], cwd: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const secretlint = (cwd: string) => exec(repoPath('node_modules/.bin/secretlint'), ['--secretlintrc', repoPath('.secretlintrc.json'), 'recordings/**/*'], cwd);
const positions = (dir: string) => exec(process.execPath, ['--import', 'tsx', 'scripts/scan-credential-positions.ts', dir], REPO_ROOT);

describe('npm run scan:secrets', () => {
  let dir: string;
  const centra = (copy: string) => join(copy, 'recordings', 'centra', 'invoices_Update', 'update-ok.har');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-scan-'));
    for (const name of ['clean', 'token', 'password']) await cp(repoPath('recordings/centra'), join(dir, name, 'recordings', 'centra'), { recursive: true });
    // A vendor token pasted into a response, and a real-looking password at the contract's credential position.
    const token = await readFile(centra(join(dir, 'token')), 'utf8');
    await writeFile(centra(join(dir, 'token')), token.replace('"text": "', '"text": "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 '));
    const password = await readFile(centra(join(dir, 'password')), 'utf8');
    expect(password).toContain('<ns1:password>[redacted]</ns1:password>');
    await writeFile(centra(join(dir, 'password')), password.replace('<ns1:password>[redacted]</ns1:password>', '<ns1:password>Plain-Passw0rd-9</ns1:password>'));
  }, 30_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes on the committed recordings and fixtures', async () => {
    const result = await exec('npm', ['run', '--silent', 'scan:secrets'], REPO_ROOT);
    expect(result.out).toMatch(/credential positions: \d+ HAR file\(s\) scanned, 0 problem\(s\)/);
    expect(result.code).toBe(0);
  }, 60_000);

  it('passes a clean copy with both scanners', async () => {
    expect((await secretlint(join(dir, 'clean'))).code).toBe(0);
    expect((await positions(join(dir, 'clean', 'recordings'))).code).toBe(0);
  }, 30_000);

  it('fails on a planted vendor token (secretlint), masking it', async () => {
    const result = await secretlint(join(dir, 'token'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('update-ok.har');
    expect(result.out).toContain('GITHUB_TOKEN');
    expect(result.out).not.toContain('wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx');
  }, 30_000);

  it("fails on a non-placeholder value at a contract's credential position, naming the place, never the value", async () => {
    expect((await secretlint(join(dir, 'password'))).code).toBe(0); // a generic scanner cannot know this is a password
    const result = await positions(join(dir, 'password', 'recordings'));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/update-ok\.har: entry 0 \(centra\/invoices_Update, case update-ok\): body:\/login\/password holds a value that is not the redaction marker/);
    expect(result.out).not.toContain('Plain-Passw0rd-9');
  }, 30_000);
});
