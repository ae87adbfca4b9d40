import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { findSecrets } from '../helpers/secret-scan.ts';

const HAR = 'test/fixtures/har';
const CANARIES = ['CANARY-ebiz-sid-4f1d9a7c', 'CANARY-ebiz-pw-93be11d0', 'CANARYixkey0c7d2e91', 'CANARY-crm-token-5a8e7f01', 'CANARY-centra-pw-2b6f44aa', 'CANARY-ops-pw-e07c19b3'];

interface Entry {
  readonly index: number;
  readonly contract: string | null;
  readonly state: string;
  readonly outcome?: unknown;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redact-e2e-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What `check` concludes about each entry and each check, without file names. */
async function verdicts(file: string): Promise<{ code: number; entries: Entry[]; results: string[] }> {
  const result = await runCommand(['check', file, '--reporter', 'json'], { timeoutMs: 60_000 });
  const report = JSON.parse(result.stdout) as { entries: Entry[]; results: Array<{ check: string; state: string; entry?: string }> };
  return {
    code: result.code,
    entries: report.entries.map(({ index, contract, state, outcome }) => ({ index, contract, state, outcome })),
    results: report.results.map((r) => `${r.entry?.split('#').pop() ?? ''} ${r.check} ${r.state}`),
  };
}

// Each test runs up to three CLI processes one after another, queued behind other tests' processes.
describe.concurrent('conformance redact', { timeout: 3 * QUEUED_TEST_TIMEOUT_MS }, () => {
  it.each(['chrome-devtools-mixed-hosts.har', 'planted-mistakes.har'])('writes a copy of %s with no credential left that checks exactly as the original', async (file) => {
    const out = join(dir, `redacted-${file}`);
    const result = await runCommand(['redact', `${HAR}/${file}`, '--out', out], { timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^wrote .*: \d+ credential value\(s\) replaced in \d+ entries/);
    const text = await readFile(out, 'utf8');
    expect(findSecrets(text, CANARIES)).toEqual([]);
    expect(findSecrets(result.stdout + result.stderr, CANARIES)).toEqual([]);
    const [before, after] = await Promise.all([verdicts(`${HAR}/${file}`), verdicts(out)]);
    expect(after).toEqual(before);
  });

  it('leaves a redacted copy with no live-secret warning when checked', async () => {
    const out = join(dir, 'again.har');
    // redact as a real subprocess of the bin; the other calls run in-process.
    expect((await runCli(['redact', `${HAR}/polly.har`, '--out', out], { timeoutMs: 60_000 })).code).toBe(0);
    const checked = await runCommand(['check', out], { timeoutMs: 60_000 });
    expect(checked.code).toBe(0);
    expect(checked.stdout).not.toContain('holds live secrets');
  });

  it('documents itself in --help', async () => {
    const result = await runCommand(['redact', '--help'], { timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--out <file>');
    expect(result.stdout).toContain('never the input itself');
  });

  it('refuses to overwrite the input in place, exit 2', async () => {
    const copy = join(dir, 'in-place.har');
    const original = await readFile(`${HAR}/polly.har`, 'utf8');
    await writeFile(copy, original);
    const result = await runCommand(['redact', copy, '--out', copy], { timeoutMs: 60_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is the input capture; redact never overwrites it/);
    expect(await readFile(copy, 'utf8')).toBe(original);
  });

  it.each([
    [['redact', `${HAR}/truncated.har`, '--out', 'x.har'], /not a HAR file: .*truncated/],
    [['redact', `${HAR}/polly.har`], /required option '--out <file>' not specified/],
  ])('refuses bad input with exit 2: %s', async (args, message) => {
    const result = await runCommand(args, { timeoutMs: 60_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
