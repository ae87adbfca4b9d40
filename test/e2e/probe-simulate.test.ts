import { describe, expect, it } from 'vitest';
import { QUEUED_TEST_TIMEOUT_MS, runCli } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { findSecrets } from '../helpers/secret-scan.ts';
import type { ProbeReport } from '../../src/probe/probe-result.ts';

// Wrong credentials with characters every encoding changes, so a leak in any form would show.
const WRONG: Record<string, string> = {
  CENTRA_PASSWORD: 'wr0ng&centra <pass>',
  EBIZCHARGE_SECURITY_ID: 'wr0ng+ebiz/id=?',
  CRMCOM_PASSWORD: 'wr0ng"crm"pass',
  INVOICEXPRESS_API_KEY: 'wr0ng key&ix=1',
  OPSPLANNING_PASSWORD: "wr0ng'ops'pass",
};

describe.concurrent('conformance probe --target simulate', () => {
  it('reports every vendor valid with the simulators\' test credentials and exits 0', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    // A real subprocess of the bin; the next test calls the command in-process.
    const result = await runCli(['probe', '--target', 'simulate', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ProbeReport;
    expect(report).toMatchObject({ schemaVersion: 2, target: 'simulate', ok: true });
    expect(report.results.map((r) => [r.vendor, r.verdict])).toEqual([
      ['centra', 'valid'],
      ['crmcom', 'valid'],
      ['ebizcharge', 'valid'],
      ['invoicexpress', 'valid'],
      ['opsplanning', 'valid'],
    ]);
    expect(report.results.every((r) => r.latencyMs >= 0 && r.evidence.status !== undefined)).toBe(true);
    expect(findSecrets(result.stdout, ['sim-password', 'sim-token', 'sim-api-key', 'sim-security-id'])).toEqual([]);
  });

  it('reports every vendor rejected with wrong credentials from the environment, exits 1 and shows no secret', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const result = await runCommand(['probe', '--target', 'simulate'], { env: WRONG });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/5 probed: 5 rejected/);
    for (const vendor of ['centra', 'crmcom', 'ebizcharge', 'invoicexpress', 'opsplanning']) expect(result.stdout).toMatch(new RegExp(`^${vendor}/\\S+\\s+rejected`, 'm'));
    expect(result.stdout).toContain('HTTP 401, auth-failed-json (auth_failed)');
    expect(result.stdout).toMatch(/^invoicexpress\/invoices\.list\s+rejected\s+\d+ ms {2}HTTP 401/m);
    expect(findSecrets(result.stdout + result.stderr, Object.values(WRONG))).toEqual([]);
  });

});
