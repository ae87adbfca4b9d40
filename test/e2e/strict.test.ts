import { describe, expect, it } from 'vitest';
import { QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

describe.concurrent('conformance run --strict', () => {
  it('passes the CRM.COM doc example that sends udf_float_5..8, reporting them as accepted departures', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const result = await runCommand(['run', '--vendor', 'crmcom', '--reporter', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { results: { id: string; state: string; violations?: { rule: string; severity: string }[] }[] };
    const schema = report.results.find((r) => r.id === 'crmcom/invoices_update#update-example-1-verbatim#request.schema');
    expect(schema?.state).toBe('passed');
    expect(schema?.violations?.map((v) => [v.rule, v.severity])).toEqual([0, 0, 0, 0].map(() => ['undocumented-field', 'warning']));
  });

  it('fails that example with --strict, naming the check, and exits 1', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const result = await runCommand(['run', '--vendor', 'crmcom', '--strict', '--reporter', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { results: { id: string; state: string }[] };
    expect(report.results.filter((r) => r.state === 'failed').map((r) => r.id)).toEqual(['crmcom/invoices_update#update-example-1-verbatim#request.schema']);
  });

  it('documents --strict in run --help and simulate --help', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    expect((await runCommand(['run', '--help'])).stdout).toContain('--strict');
    expect((await runCommand(['simulate', '--help'])).stdout).toContain('--strict');
  });
});

describe.concurrent('conformance check --strict', () => {
  const SOAP_ACTION = 'test/fixtures/har/planted-mistakes.har#4';
  interface CheckReport {
    readonly ok: boolean;
    readonly results: readonly { entry?: string; check: string; state: string; reproduce?: string; violations?: readonly { rule: string; severity: string; params?: Record<string, unknown> }[] }[];
  }
  const soapActionResult = (report: CheckReport) => report.results.find((r) => r.entry === SOAP_ACTION && r.check === 'request.soap-action');

  it('reports the unquoted SOAPAction of planted-mistakes.har entry 4 as an accepted warning, and passes', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const result = await runCommand(['check', 'test/fixtures/har/planted-mistakes.har', '--entry', '4', '--reporter', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const found = soapActionResult(JSON.parse(result.stdout) as CheckReport);
    expect(found?.state).toBe('passed');
    expect(found?.violations?.map((v) => [v.rule, v.severity, typeof v.params?.['accepted']])).toEqual([['soapaction', 'warning', 'string']]);
  });

  it('fails that SOAPAction with --strict, exits 1, and its reproduce command keeps --strict', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const result = await runCommand(['check', 'test/fixtures/har/planted-mistakes.har', '--entry', '4', '--strict', '--reporter', 'json']);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.results.filter((r) => r.state === 'failed').map((r) => r.check)).toEqual(['request.soap-action']);
    const found = soapActionResult(report);
    expect(found?.violations?.map((v) => [v.rule, v.severity])).toEqual([['soapaction', 'error']]);
    expect(found?.reproduce).toBe('conformance check test/fixtures/har/planted-mistakes.har --entry 4 --strict');
  });
});
