import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Har } from '../../src/recording/har.ts';
import { testCredentials } from '../../src/targets/simulate/test-credentials.ts';
import { loadAllContracts } from '../../src/cli/load-contracts.ts';
import { runCli, type CliResult } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { findSecrets, readTree } from '../helpers/secret-scan.ts';

// Secret test credentials only: user names and account names are not secrets.
const SECRETS = ['sim-password', 'sim-token', 'sim-api-key', 'sim-security-id'];

describe('conformance record --target simulate, then replay', () => {
  let dir: string;
  let recorded: CliResult;
  let replayed: CliResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-record-'));
    // record as a real subprocess of the bin; the replay of what it wrote in-process.
    recorded = await runCli(['record', '--target', 'simulate', '--out', join(dir, 'recordings')], { timeoutMs: 40_000 });
    replayed = await runCommand(['run', '--recordings', join(dir, 'recordings'), '--reporter', 'console', '--reporter', `json:${join(dir, 'report.json')}`], { timeoutMs: 40_000 });
  }, 90_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('records every case of every vendor and exits 0', () => {
    expect(recorded.stderr).toBe('');
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toMatch(/^Recorded \d+ case\(s\) from target simulate/);
  });

  it('writes HAR files with provenance: target, recorded-at, contract hash and redacted places', async () => {
    const files = await readTree(join(dir, 'recordings'));
    expect(files.length).toBeGreaterThan(40);
    expect(files.every((f) => f.path.endsWith('.har'))).toBe(true);
    const ops = files.find((f) => f.path.endsWith('opsplanning/UpdateInvoicePaymentStatus/mark-paid.har'));
    const har = JSON.parse(ops?.text ?? '{}') as Har;
    expect(har.log).toMatchObject({ _target: 'simulate', _contractHash: expect.stringMatching(/^[0-9a-f]{64}$/), _recordedAt: expect.any(String) });
    expect(har.log.entries[0]).toMatchObject({ _case: 'mark-paid', _source: { kind: 'recorded' }, _redactions: ['header:/OpsAuthenticationHeader/Password'] });
    const ix = files.find((f) => f.path.endsWith('invoicexpress/invoices.update/update-ok.har'));
    expect((JSON.parse(ix?.text ?? '{}') as Har).log.entries[0]?.request.queryString).toEqual([{ name: 'api_key', value: '[redacted]' }]);
  });

  it('replays the new recordings with every check passing and no stale warning', () => {
    expect(replayed.code, replayed.stdout.slice(-3000)).toBe(0);
    expect(replayed.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(replayed.stdout).not.toContain('stale-recording');
  });

  it('leaves no secret in any file written or any output, in any encoding', async () => {
    const simulatorCredentials = (await loadAllContracts(['contracts'])).flatMap((l) => Object.values(testCredentials(l.contract)));
    expect(simulatorCredentials).toEqual(expect.arrayContaining(SECRETS));
    const files = await readTree(dir);
    const hits = files.flatMap((f) => findSecrets(f.text, SECRETS).map((h) => `${f.path}: ${h}`));
    expect(hits).toEqual([]);
    expect(findSecrets(recorded.stdout + recorded.stderr + replayed.stdout + replayed.stderr, SECRETS)).toEqual([]);
  });
});
