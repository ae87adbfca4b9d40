import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAllContracts } from '../../src/cli/load-contracts.ts';
import { defaultSeed } from '../../src/targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../src/targets/simulate/start-simulators.ts';
import type { SimulatorLogLine } from '../../src/targets/simulate/serve-simulator.ts';
import { testCredentials } from '../../src/targets/simulate/test-credentials.ts';
import { QUEUED_TEST_TIMEOUT_MS, runCli } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { repoPath } from '../helpers/paths.ts';
import { main } from '../../src/cli/main.ts';

describe.concurrent('conformance probe --target live (against simulators on 127.0.0.1)', () => {
  let sims: RunningSimulators;
  let env: Record<string, string>;
  let dir: string;
  const log: SimulatorLogLine[] = [];

  beforeAll(async () => {
    const contracts = await loadAllContracts([repoPath('contracts')]);
    sims = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: defaultSeed(), onRequest: (l) => log.push(l) });
    env = {};
    for (const { contract } of contracts) {
      env[contract.transport.baseUrlEnv] = sims.baseUrls[contract.id] ?? '';
      for (const [name, value] of Object.entries(testCredentials(contract))) env[contract.credentials[name]?.env ?? name] = value;
    }
    dir = await mkdtemp(join(tmpdir(), 'conformance-live-'));
  });

  afterAll(async () => {
    await sims.close();
    await rm(dir, { recursive: true, force: true });
    // Every request of these tests reached the loopback simulators, from loopback.
    expect(log.length).toBeGreaterThan(0);
    expect(new Set(log.map((l) => l.remoteAddress))).toEqual(new Set(['127.0.0.1']));
  });

  it('reports every vendor valid with base URLs and credentials from the environment', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    for (const url of Object.values(sims.baseUrls)) expect(new URL(url).hostname).toBe('127.0.0.1');
    const result = await runCli(['probe'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('5 probed: 5 valid');
    expect(result.stdout).toContain('target live');
  });

  it('exits 2 naming the missing variables, never a value', async () => {
    // In-process: this test process sets none of the vendors' variables.
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, color: false, setExitCode: () => undefined };
    expect(process.env['CENTRA_BASE_URL']).toBeUndefined();
    expect(await main(['probe', '--vendor', 'centra'], io)).toBe(2);
    expect(stderr).toContain('centra/invoices_Update: CENTRA_BASE_URL, CENTRA_USERNAME, CENTRA_PASSWORD');
  });

  it('takes credentials from a mode-600 file and refuses one others can read', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const file = join(dir, 'creds.json');
    await writeFile(file, JSON.stringify({ invoicexpress: { apiKey: 'sim-api-key', baseUrl: sims.baseUrls['invoicexpress/invoices.update'] } }));
    await chmod(file, 0o644);
    // In-process (no environment of its own); the tests that pass variables run the bin, so this process never sets any.
    const refused = await runCommand(['probe', '--vendor', 'invoicexpress', '--credentials', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('chmod 600');
    await chmod(file, 0o600);
    const accepted = await runCommand(['probe', '--vendor', 'invoicexpress', '--credentials', file]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('1 probed: 1 valid');
  });

  it('runs every case against the simulators with run --target live and passes', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const result = await runCli(['run', '--target', 'live', '--vendor', 'opsplanning', '--vendor', 'invoicexpress', '--reporter', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ target: 'live', ok: true });
  });
});
