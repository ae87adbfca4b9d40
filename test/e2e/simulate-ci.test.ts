import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath, REPO_ROOT } from '../helpers/paths.ts';
import { main } from '../../src/cli/main.ts';
import { createSampleClient, runSampleIntegration, SAMPLE_INVOICE, type SampleClientOptions } from '../fixtures/sample-integration/index.ts';

interface Served {
  readonly urls: Record<string, string>;
  readonly stdout: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

async function simulate(args: readonly string[]): Promise<Served> {
  const child = spawn(process.execPath, [repoPath('src/cli/bin.js'), 'simulate', '--port', '0', '--vendor', 'ebizcharge', '--vendor', 'invoicexpress', '--vendor', 'crmcom', ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await waitFor(() => stdout.includes('Test credentials'), 20_000);
  const urls = Object.fromEntries([...stdout.matchAll(/^ {2}(\S+\/\S+)\s+(http:\/\/\S+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
  return { urls, stdout: () => stdout, stop: async (signal = 'SIGTERM') => (child.kill(signal), exited) };
}

const clientOptions = (urls: Record<string, string>, mistakes: boolean, crmToken = 'sim-token'): SampleClientOptions => ({
  mistakes,
  baseUrls: { ebizcharge: urls['ebizcharge/UpdateInvoice'] ?? '', invoicexpress: urls['invoicexpress/invoices.update'] ?? '', crmcom: urls['crmcom/invoices_update'] ?? '' },
  credentials: { ebizcharge: { securityId: 'sim-security-id', userId: 'sim-user', password: 'sim-password' }, invoicexpress: { apiKey: 'sim-api-key' }, crmcom: { token: crmToken } },
});

describe('conformance simulate in CI mode', () => {
  it('refuses a file reporter without a path, since stdout carries the request log (exit 2)', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, color: false, setExitCode: () => undefined };
    expect(await main(['simulate', '--reporter', 'junit'], io)).toBe(2);
    expect(stderr).toContain('--reporter junit needs a path');
  });

  it('reports every planted mistake of the sample integration in JSON and JUnit, logs each reason, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-ci-'));
    const served = await simulate(['--reporter', `json:${join(dir, 'report.json')}`, '--reporter', `junit:${join(dir, 'junit.xml')}`]);
    let code: number | null;
    try {
      await runSampleIntegration(createSampleClient(clientOptions(served.urls, true)));
      await createSampleClient(clientOptions(served.urls, false, 'LIVE-TOKEN-9f8e7d6c5b4a')).crmcomUpdate('1013', SAMPLE_INVOICE);
      const base = served.urls['crmcom/invoices_update'] ?? '';
      const listed = await (await fetch(`${base}/__simulator/requests`)).text();
      expect(JSON.parse(listed).requests).toHaveLength(4);
      expect(listed).not.toContain('LIVE-TOKEN-9f8e7d6c5b4a');
      const now = (await (await fetch(`${base}/__simulator/report`, { method: 'POST' })).json()) as { ok: boolean; requests: number; failed: number };
      expect(now).toMatchObject({ ok: false, requests: 4, failed: 3 });
      expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')).totals.failed).toBeGreaterThan(0);
    } finally {
      code = await served.stop();
    }
    expect(code).toBe(1);
    const log = served.stdout();
    // The namespace URI is refused; the unquoted SOAPAction, which EBizCharge's stack accepts, is logged as a warning.
    expect(log).toMatch(/ebizcharge\/UpdateInvoice {2}POST \/eBizService\.svc {2}500 fault-client {2}\(1 violation\(s\): namespace at \/UpdateInvoice\).*warning soapaction at header soapaction \(accepted: /);
    expect(log).toMatch(/crmcom\/invoices_update .*\(auth_failed|crmcom\/invoices_update .*token/);
    const report = await readFile(join(dir, 'report.json'), 'utf8');
    const junit = await readFile(join(dir, 'junit.xml'), 'utf8');
    for (const text of [report, junit]) {
      expect(text).toContain('request.soap-action');
      expect(text).toContain('http://eBizCharge.ServiceModel.SOAP/');
      expect(text).toMatch(/unit is required/);
      expect(text).toContain('2026-11-21');
      expect(text).toMatch(/reference_number must be string/);
      expect(text).not.toContain('LIVE-TOKEN-9f8e7d6c5b4a');
    }
  }, 60_000);

  it('passes the fixed sample integration, resets to the seed on request, and on SIGINT writes the report and exits 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-ci-'));
    const served = await simulate(['--reporter', `json:${join(dir, 'report.json')}`, '--variants']);
    let code: number | null;
    try {
      const client = createSampleClient(clientOptions(served.urls, false));
      const crmState = async (): Promise<string> => (await fetch(`${served.urls['crmcom/invoices_update'] ?? ''}/__simulator/state`)).text();
      const seeded = await crmState();
      const first = await runSampleIntegration(client);
      expect(Object.values(first).map((a) => a.outcome)).toEqual(['ok', 'ok', 'ok']);
      expect(await crmState()).not.toBe(seeded);
      const reset = await fetch(`${served.urls['ebizcharge/UpdateInvoice'] ?? ''}/__simulator/reset`, { method: 'POST' });
      expect(reset.status).toBe(200);
      expect(await crmState()).toBe(seeded);
      const again = await runSampleIntegration(client);
      expect(Object.values(again).map((a) => a.outcome)).toEqual(['ok', 'ok', 'ok']);
    } finally {
      code = await served.stop('SIGINT');
    }
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { ok: boolean; totals: { failed: number; passed: number } };
    expect(report.ok).toBe(true);
    expect(report.totals.failed).toBe(0);
    expect(report.totals.passed).toBeGreaterThan(6);
  }, 60_000);
});

/** Run `body` with every request's SOAPAction header sent without its quotes (an integration's only departure). */
async function withUnquotedSoapAction<T>(body: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    const action = headers.get('soapaction');
    if (action !== null) headers.set('soapaction', action.replace(/^"(.*)"$/, '$1'));
    return original(input, { ...init, headers });
  };
  try {
    return await body();
  } finally {
    globalThis.fetch = original;
  }
}

describe('conformance simulate in CI mode with and without --strict', () => {
  interface StrictReport {
    readonly ok: boolean;
    readonly results: ReadonlyArray<{ check: string; state: string; violations?: ReadonlyArray<{ severity: string; params?: Record<string, unknown> }> }>;
  }

  it.each([
    [false, 'ok', 0, 'passed'],
    [true, 'invalid_request', 1, 'failed'],
  ] as const)('with --strict %s, answers an unquoted SOAPAction (an accepted departure) %s, exits %i, and reports request.soap-action %s', async (strict, outcome, exit, state) => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-ci-'));
    const served = await simulate([...(strict ? ['--strict'] : []), '--reporter', `json:${join(dir, 'report.json')}`]);
    let code: number | null;
    try {
      const answer = await withUnquotedSoapAction(() => createSampleClient(clientOptions(served.urls, false)).ebizchargeUpdateInvoice(SAMPLE_INVOICE));
      expect(answer.outcome).toBe(outcome);
    } finally {
      code = await served.stop('SIGINT');
    }
    expect(code).toBe(exit);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as StrictReport;
    expect(report.ok).toBe(!strict);
    const soapAction = report.results.filter((r) => r.check === 'request.soap-action');
    expect(soapAction.map((r) => r.state)).toEqual([state]);
    if (!strict) expect(soapAction[0]?.violations?.map((v) => [v.severity, typeof v.params?.['accepted']])).toEqual([['warning', 'string']]);
  }, 60_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the simulator output');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
