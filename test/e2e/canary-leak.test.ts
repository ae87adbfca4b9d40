import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAllContracts } from '../../src/cli/load-contracts.ts';
import { REPORTER_NAMES } from '../../reporters/index.ts';
import { canary, CANARY_SPECIALS, scanForCanaries } from '../helpers/canary-scan.ts';
import { startEchoVendor, type EchoVendor } from '../helpers/echo-vendor.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { readTree } from '../helpers/secret-scan.ts';

/**
 * Issue 10's leak test: every secret credential of every vendor is a unique canary holding
 * `& < > " ' \ % + /`; a loopback vendor echoes each request in composite encodings; the suite
 * records, reports in every format and logs live runs against it. Every byte written (files,
 * stdout, stderr) is then scanned by a decoder written in the test (test/helpers/canary-scan.ts),
 * independent of the redactor, and must hold no canary, whole or in part.
 */
/** Reporters that write a file; console and github print to stdout. */
const FILE_REPORTERS = REPORTER_NAMES.filter((n) => n !== 'console' && n !== 'github');

describe('no canary credential leaks from live runs against a vendor that echoes requests', () => {
  let vendor: EchoVendor;
  let dir: string;
  let canaries: string[];
  const outputs: { name: string; result: CliResult }[] = [];

  beforeAll(async () => {
    vendor = await startEchoVendor();
    dir = await mkdtemp(join(tmpdir(), 'conformance-canary-'));
    const env: Record<string, string> = {};
    canaries = [];
    for (const { contract } of await loadAllContracts(['contracts'])) {
      env[contract.transport.baseUrlEnv] = vendor.baseUrl;
      for (const [name, spec] of Object.entries(contract.credentials)) {
        // Tags free of words the reports hold anyway (vendor names), so that any part found is a leak.
        const value = spec.secret ? canary(`Kq${canaries.length}z`) : `${contract.vendor}-${name}-plain`;
        if (spec.secret) canaries.push(value);
        env[spec.env] = value;
      }
    }
    // Every file reporter writes its file; github prints its annotations to stdout (it takes no path), scanned with the rest.
    const reports = [...FILE_REPORTERS.flatMap((n) => ['--reporter', `${n}:${join(dir, 'reports', `report.${n}`)}`]), '--reporter', 'github'];
    const cli = async (name: string, args: string[]) => outputs.push({ name, result: await runCli(args, { env, timeoutMs: 120_000 }) });
    await cli('record', ['record', '--target', 'live', '--out', join(dir, 'recordings')]);
    await cli('run', ['run', '--target', 'live', '--reporter', 'console', ...reports]);
    await cli('probe', ['probe', '--target', 'live']);
    await cli('probe --json', ['probe', '--target', 'live', '--json']);
    await cli('replay of the new recordings', ['run', '--recordings', join(dir, 'recordings'), '--reporter', 'console', '--reporter', `json:${join(dir, 'replay.json')}`]);
  }, 300_000);

  afterAll(async () => {
    await vendor?.close();
    if (process.env['KEEP_CANARY_DIR'] === undefined) await rm(dir, { recursive: true, force: true });
    else process.stderr.write(`kept ${dir}; canaries: ${JSON.stringify(canaries)}\n${outputs.map((o) => `${o.name}: ${o.result.code}\n${o.result.stderr.slice(0, 3000)}`).join('\n')}\n`);
  });

  it('uses a unique canary with every special character for each secret credential, and the vendor received and echoed each', () => {
    expect(canaries.length).toBeGreaterThanOrEqual(6);
    expect(new Set(canaries).size).toBe(canaries.length);
    for (const c of canaries) for (const ch of CANARY_SPECIALS) expect(c).toContain(ch);
    const received = vendor.received.map((r) => r.dump).join('\n');
    expect(scanForCanaries(received, canaries).map((f) => f.replace(/ via .*/, ''))).toEqual(expect.arrayContaining(canaries.map((_, i) => `canary #${i}`)));
  });

  it('ran every command to its end: recordings written, reports in every format, the echoes redacted in them', async () => {
    for (const { name, result } of outputs) expect([0, 1], `${name}: ${result.stderr.slice(0, 500)}`).toContain(result.code);
    const files = await readTree(dir);
    expect(files.filter((f) => f.path.endsWith('.har')).length).toBeGreaterThan(40);
    for (const n of FILE_REPORTERS) expect(files.map((f) => f.path)).toContain(join(dir, 'reports', `report.${n}`));
    // The github reporter's annotations were printed by the live run (and so are scanned with its stdout).
    expect(outputs.find((o) => o.name === 'run')?.result.stdout).toMatch(/^::(error|warning) /m);
    const json = files.find((f) => f.path.endsWith('report.json'))?.text ?? '';
    expect(json).toContain('Invalid request');
    expect(json).toContain('[redacted]');
  });

  // Decoding every layer of about 4 MB of reports takes seconds of CPU: more than the default 30 s on a loaded machine.
  it('finds no canary, in any encoding or part, in any file written', { timeout: 120_000 }, async () => {
    const files = await readTree(dir);
    const finds = files.flatMap((f) => scanForCanaries(f.text, canaries).map((hit) => `${f.path}: ${hit}`));
    expect(finds).toEqual([]);
  });

  it('finds no canary in anything printed (stdout and stderr of every command)', () => {
    const finds = outputs.flatMap(({ name, result }) => scanForCanaries(result.stdout + result.stderr, canaries).map((hit) => `${name}: ${hit}`));
    expect(finds).toEqual([]);
  });
});
