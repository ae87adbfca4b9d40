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

const secretlint = (cwd: string, globs: readonly string[]) => exec(repoPath('node_modules/.bin/secretlint'), ['--secretlintrc', repoPath('.secretlintrc.json'), ...globs], cwd);
const positions = (dirs: readonly string[]) => exec(process.execPath, ['--import', 'tsx', 'scripts/scan-credential-positions.ts', ...dirs], REPO_ROOT);

/** Runs `fn` on the first call; later calls share its result. */
function shared<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= fn());
}

/** The lines of a scanner's output that name a file under `copy` (each finding names its file). */
const linesOf = (out: string, copy: string): string[] => out.split('\n').filter((line) => line.includes(`${copy}/recordings/`));

describe('npm run scan:secrets', () => {
  let dir: string;
  const copies = ['clean', 'token', 'password'];
  const centra = (copy: string) => join(copy, 'recordings', 'centra', 'invoices_Update', 'update-ok.har');
  // Each scanner runs once over all three copies (each start costs about half a second to a second of CPU);
  // each test reads the findings in its own copy, the clean copy being the control of the two planted ones.
  const bySecretlint = shared(() => secretlint(dir, copies.map((c) => `${c}/recordings/**/*`)));
  const byPositions = shared(() => positions(['clean', 'password'].map((c) => join(dir, c, 'recordings'))));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-scan-'));
    for (const name of copies) await cp(repoPath('recordings/centra'), join(dir, name, 'recordings', 'centra'), { recursive: true });
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
    const [generic, credentials] = await Promise.all([bySecretlint(), byPositions()]);
    // Both scanners ran (the planted copies fail) and named no file of the clean copy.
    expect(generic.code).toBe(1);
    expect(linesOf(generic.out, 'clean')).toEqual([]);
    expect(credentials.code).toBe(1);
    expect(linesOf(credentials.out, 'clean')).toEqual([]);
    // Seven HAR files in each of the two copies scanned.
    expect(credentials.out).toMatch(/credential positions: 14 HAR file\(s\) scanned, 1 problem\(s\)/);
  }, 30_000);

  it('fails on a planted vendor token (secretlint), masking it', async () => {
    const result = await bySecretlint();
    expect(result.code).toBe(1);
    expect(linesOf(result.out, 'token')).toEqual([expect.stringContaining('update-ok.har')]);
    expect(result.out).toContain('GITHUB_TOKEN');
    expect(result.out).not.toContain('wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx');
  }, 30_000);

  it("fails on a non-placeholder value at a contract's credential position, naming the place, never the value", async () => {
    expect(linesOf((await bySecretlint()).out, 'password')).toEqual([]); // a generic scanner cannot know this is a password
    const result = await byPositions();
    expect(result.code).toBe(1);
    expect(linesOf(result.out, 'password')).toEqual([expect.stringMatching(/update-ok\.har: entry 0 \(centra\/invoices_Update, case update-ok\): body:\/login\/password holds a value that is not the redaction marker/)]);
    expect(result.out).not.toContain('Plain-Passw0rd-9');
  }, 30_000);
});
