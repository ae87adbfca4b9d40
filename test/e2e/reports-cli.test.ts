import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, repoPath } from '../helpers/paths.ts';
import { hasStackTrace, QUEUED_TEST_TIMEOUT_MS, runCli } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

const BIN = repoPath('src/cli/bin.js');
const XSD = repoPath('test/fixtures/junit/junit-10.xsd');
const BROKEN_CENTRA = ['--vendor', 'centra', '--contracts', 'contracts/centra', '--recordings', 'test/fixtures/recordings/wrong-operation-namespace'];

/** Tests here start many CLIs; under a full `npm test` on 2 cores they queue for a long time. */
const TIMEOUT_MS = 2 * QUEUED_TEST_TIMEOUT_MS;

/** CLI runs here may wait for a loaded machine (other suites run beside them); the helper's 20 s is for one contract. */
const SLOW = { timeoutMs: 90_000 };

// bash runs (pipes, colour variables) go one at a time, beside runCli's own queue.
let shQueue: Promise<unknown> = Promise.resolve();

/** Run a command line in bash (for pipes) from the repository root; NO_COLOR and FORCE_COLOR as given. */
function sh(script: string, env: Readonly<Record<string, string>> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const next = shQueue.then(() => shNow(script, env));
  shQueue = next.catch(() => undefined);
  return next;
}

function shNow(script: string, env: Readonly<Record<string, string>>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { FORCE_COLOR: _f, NO_COLOR: _n, CI: _c, ...base } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', script], { cwd: REPO_ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function xmllint(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return sh(`xmllint --noout --schema '${XSD}' '${file}'`);
}

describe.concurrent('reports on the command line', { timeout: TIMEOUT_MS }, () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-reports-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a green run on one screen: at most 25 lines, ending with the counts', async () => {
    const result = await runCommand(['run'], SLOW);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    expect(lines.at(-2)).toMatch(/^ \d+ passed, 0 failed, \d+ skipped$/);
    expect(result.stdout).toMatch(/\d+ doc findings.*conformance findings/);
    expect(result.stdout).not.toContain('evidence:');
  });

  it('ends a failing run with the failed ids just above the closing counts', async () => {
    const result = await runCommand(['run', ...BROKEN_CENTRA], SLOW);
    expect(result.code).toBe(1);
    const tail = result.stdout.trimEnd().split('\n').slice(-6);
    expect(tail).toEqual([
      ' Failed (2):',
      '   ✗ centra/invoices_Update#update-ok#request.namespaces',
      '   ✗ centra/invoices_Update#update-ok#scenario.exchange',
      '',
      expect.stringMatching(/^ \d+ passed, 2 failed, 1 skipped$/),
      expect.stringMatching(/^ Duration /),
    ]);
    expect(result.stdout).toContain('    namespace at /invoices_Update\n      expected  http://www.centra.com/webservices/\n      actual    http://www.centra.com/webservices\n');
  });

  it('reruns just the failed case and check with the printed rerun command', async () => {
    const result = await runCommand(['run', '--vendor', 'centra', '--case', 'update-ok', '--check', 'request.namespaces', '--contracts', 'contracts/centra', '--recordings', 'test/fixtures/recordings/wrong-operation-namespace', '--reporter', 'json'], SLOW);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { results: { id: string; state: string }[] };
    expect(report.results).toEqual([expect.objectContaining({ id: 'centra/invoices_Update#update-ok#request.namespaces', state: 'failed' })]);
  });

  it('writes JUnit of a whole run that validates against junit-10.xsd, with file= on each testsuite', async () => {
    const file = join(dir, 'run.xml');
    const result = await runCommand(['run', '--reporter', `junit:${file}`], SLOW);
    expect(result.code).toBe(0);
    const lint = await xmllint(file);
    expect(lint.stderr).toContain('validates');
    expect(lint.code).toBe(0);
    const xml = await readFile(file, 'utf8');
    expect(xml).toContain('file="contracts/centra/invoices_Update.yaml"');
    expect(xml).not.toContain('behaviour.notes-accumulate"/>\n') ;
    expect(xml).not.toMatch(/<skipped message="[^"]*can only be seen in an ok answer/);
  });

  it('writes JUnit of an audit that validates against junit-10.xsd', async () => {
    const file = join(dir, 'audit.xml');
    const result = await runCommand(['audit', '--baseline', 'test/fixtures/audit/baseline', '--current', 'test/fixtures/audit/combined', '--reporter', `junit:${file}`], SLOW);
    expect(result.code).toBe(1);
    const lint = await xmllint(file);
    expect(lint.stderr).toContain('validates');
    expect(await readFile(file, 'utf8')).toContain('file="test/fixtures/audit/combined/crmcom/invoices_update/token-expired.har"');
  });

  it('writes Markdown of a failing run: summary, matrix, failures with expected and actual, collapsed findings', async () => {
    const file = join(dir, 'run.md');
    const result = await runCommand(['run', ...BROKEN_CENTRA, '--reporter', `markdown:${file}`], SLOW);
    expect(result.code).toBe(1);
    const md = await readFile(file, 'utf8');
    expect(md.split('\n')[0]).toMatch(/^## ❌ conformance run: 2 failed, \d+ passed, 1 skipped$/);
    // One request-building check failed out of all of them.
    const row = /\| `centra\/invoices_Update` \| ✅ 6\/6 \| ❌ (\d+)\/(\d+) \|/.exec(md);
    expect(row).not.toBeNull();
    expect(Number(row?.[2]) - Number(row?.[1])).toBe(1);
    expect(md.indexOf('### Failures (2)')).toBeLessThan(md.indexOf('<details><summary>Doc findings (2)'));
    expect(md).toContain('- **namespace** at `/invoices_Update`\n  - expected: `http://www.centra.com/webservices/`\n  - actual: `http://www.centra.com/webservices`');
    expect(md).toContain('Rerun: `conformance run --vendor centra --case update-ok --check request.namespaces');
  });

  it('ends quietly with exit 0 when stdout closes early (run | head -1)', async () => {
    for (const reporter of ['console', 'json']) {
      const result = await sh(`node '${BIN}' run --reporter ${reporter} | head -1`, { NO_COLOR: '1' });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
    }
  });

  it('writes through a symlink to its target and leaves the link in place', async () => {
    const target = join(dir, 'target.xml');
    const link = join(dir, 'link.xml');
    await symlink(target, link);
    const result = await runCommand(['run', '--vendor', 'centra', '--contracts', 'contracts/centra', '--reporter', `junit:${link}`], SLOW);
    expect(result.code).toBe(0);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toMatch(/^<\?xml/);
  });

  it('writes --reporter junit:/dev/stdout to stdout, and keeps a redirected stdout file', async () => {
    // A real subprocess of the bin: /dev/stdout is the process's own stdout.
    const piped = await runCli(['run', '--vendor', 'centra', '--contracts', 'contracts/centra', '--reporter', 'junit:/dev/stdout'], SLOW);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^<\?xml version="1.0"/);
    const file = join(dir, 'redirected.txt');
    await writeFile(file, 'before\n');
    const redirected = await sh(`node '${BIN}' run --vendor centra --contracts contracts/centra --reporter console --reporter junit:/dev/stdout >> '${file}'`, { NO_COLOR: '1' });
    expect(redirected.code, redirected.stderr).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('before\n conformance · target replay')).toBe(true);
    expect(text).toContain('<testsuites name="conformance run"');
  });

  it.each<[string, string[], RegExp]>([
    ['a missing --recordings', ['run', '--recordings', 'nope'], /^error: Cannot read --recordings nope: no such file or folder \(ENOENT\)\.\n$/],
    ['a missing --contracts', ['run', '--contracts', 'nope'], /^error: Cannot read --contracts nope: no such file or folder \(ENOENT\)\.\n$/],
    ['a report folder that cannot be created', ['run', '--reporter', 'junit:/proc/nope/x.xml'], /^error: Cannot write --reporter junit:\/proc\/nope\/x\.xml: \/proc\/nope\/x\.xml does not exist\.\n$/],
    ['a report path that is a folder', ['run', '--reporter', 'json:test'], /^error: Cannot write --reporter json:test: test is a folder\.\n$/],
    ['an unknown --check', ['run', '--check', 'request.nope'], /^error: Unknown --check "request\.nope"/],
  ])('exits 2 with one line and runs nothing for %s', async (_what, args, message) => {
    const result = await runCommand(args, SLOW);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe('');
  });

  it.each(['run', 'audit', 'coverage', 'findings', 'parse', 'build', 'probe', 'record', 'simulate'])('shows defaults as typed in %s --help, never an absolute path', async (command) => {
    const result = await runCommand([command, '--help'], SLOW);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(REPO_ROOT.replace(/\/$/, ''));
    if (command === 'run') expect(result.stdout).toMatch(/\(default:\s+contracts\/\)/);
  });

  it('lists the doc findings of one vendor with conformance findings --vendor', async () => {
    const result = await runCommand(['findings', '--vendor', 'opsplanning'], SLOW);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Findings (11)');
    expect(result.stdout).toContain('[opsplanning.partial-fail]');
    expect(result.stdout).toContain('evidence: The legacy Responses page says');
    expect(result.stdout).not.toContain('centra');
  });

  it('prints each exchange of a simulate run as it completes, before the contract line and the table', async () => {
    const result = await runCommand(['run', '--target', 'simulate', '--vendor', 'centra', '--contracts', 'contracts/centra'], SLOW);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    const exchanges = lines.flatMap((l, i) => (/^ → centra\/invoices_Update › [a-z-]+  HTTP \d{3}  /.test(l) ? [i] : []));
    expect(exchanges.length).toBe(7);
    const contractLine = lines.findIndex((l) => l.startsWith(' ✓ centra/invoices_Update'));
    expect(Math.max(...exchanges)).toBeLessThan(contractLine);
    expect(contractLine).toBeLessThan(lines.findIndex((l) => l.includes('contract  request')));
  });
});

describe('colour follows NO_COLOR, FORCE_COLOR, TERM=dumb, --color and --no-color', { timeout: TIMEOUT_MS }, () => {
  const ANSI = /\u001b\[/;
  const cmd = (flags = ''): string => `node '${BIN}' findings --vendor centra ${flags}`;
  it.each<[string, string, Record<string, string>, boolean]>([
    ['off when piped, with nothing set', '', {}, false],
    ['on with FORCE_COLOR=1', '', { FORCE_COLOR: '1' }, true],
    ['off with FORCE_COLOR=0', '', { FORCE_COLOR: '0' }, false],
    ['off with NO_COLOR=1, even with FORCE_COLOR=1', '', { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['off with TERM=dumb, even in CI', '', { TERM: 'dumb', CI: 'true' }, false],
    ['on in CI (picocolors detection)', '', { CI: 'true' }, true],
    ['on with --color, even with NO_COLOR=1', '--color', { NO_COLOR: '1' }, true],
    ['off with --no-color, even with FORCE_COLOR=1', '--no-color', { FORCE_COLOR: '1' }, false],
  ])('%s', async (_what, flags, env, coloured) => {
    const result = await sh(cmd(flags), env);
    expect(result.code).toBe(0);
    expect(ANSI.test(result.stdout)).toBe(coloured);
  });
});
