import { describe, expect, it } from 'vitest';
import { QUEUED_TEST_TIMEOUT_MS, runCli } from '../helpers/run-cli.ts';

describe.concurrent('conformance run --strict', () => {
  it('passes the CRM.COM doc example that sends udf_float_5..8, reporting them as accepted departures', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const result = await runCli(['run', '--vendor', 'crmcom', '--reporter', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { results: { id: string; state: string; violations?: { rule: string; severity: string }[] }[] };
    const schema = report.results.find((r) => r.id === 'crmcom/invoices_update#update-example-1-verbatim#request.schema');
    expect(schema?.state).toBe('passed');
    expect(schema?.violations?.map((v) => [v.rule, v.severity])).toEqual([0, 0, 0, 0].map(() => ['undocumented-field', 'warning']));
  });

  it('fails that example with --strict, naming the check, and exits 1', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const result = await runCli(['run', '--vendor', 'crmcom', '--strict', '--reporter', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { results: { id: string; state: string }[] };
    expect(report.results.filter((r) => r.state === 'failed').map((r) => r.id)).toEqual(['crmcom/invoices_update#update-example-1-verbatim#request.schema']);
  });

  it('documents --strict in run --help and simulate --help', async () => {
    expect((await runCli(['run', '--help'])).stdout).toContain('--strict');
    expect((await runCli(['simulate', '--help'])).stdout).toContain('--strict');
  });
});
