import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUED_TEST_TIMEOUT_MS, runCli } from '../helpers/run-cli.ts';

/**
 * The README flow, `record --target simulate` then `audit --baseline recordings --current
 * out/recordings`. OpsPlanning answers every update with a new InvoiceTimestamp, which the contract
 * declares volatile; InvoiceXpress has three recorded 404 bodies, and the simulator answers each
 * case's request with its own, as it does with Centra's two documented success shapes. So the
 * re-recording shows no drift for them.
 */
describe('record --target simulate, then audit against the shipped baseline', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-rerecord-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports no drift for OpsPlanning (a lock token that changes on every call) , InvoiceXpress (three 404 bodies) and Centra (two success shapes)', async () => {
    const vendors = ['--vendor', 'opsplanning', '--vendor', 'invoicexpress', '--vendor', 'centra'];
    const recorded = await runCli(['record', '--target', 'simulate', ...vendors, '--out', dir]);
    expect(recorded.code).toBe(0);
    const audit = await runCli(['audit', '--baseline', 'recordings', '--current', dir, ...vendors, '--fail-on', 'info', '--reporter', 'json']);
    const summary = JSON.parse(audit.stdout) as { totals: { pairs: number; unchanged: number }; changes: unknown[] };
    expect(summary.changes).toEqual([]);
    expect(summary.totals.pairs).toBeGreaterThan(0);
    expect(audit.code).toBe(0);
  });
});
