import { describe, expect, it } from 'vitest';
import { QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { failedChecks, failureText, failuresOf, runCentra, type ReportRun } from '../helpers/run-report.ts';

/**
 * Each variant under test/fixtures/recordings/ is a copy of recordings/centra/ with ONE change
 * (see its README.md); each must fail, and only for the checks that change is about.
 */
const runs = new Map<string, Promise<ReportRun>>();
function variant(name: string): Promise<ReportRun> {
  let pending = runs.get(name);
  if (pending === undefined) {
    pending = runCentra(`test/fixtures/recordings/${name}`);
    runs.set(name, pending);
  }
  return pending;
}

function caseMissingInvoiceId(): Promise<ReportRun> {
  let pending = runs.get('contract:case-missing-invoice-id');
  if (pending === undefined) {
    pending = runCentra('recordings', 'test/fixtures/contracts/case-missing-invoice-id');
    runs.set('contract:case-missing-invoice-id', pending);
  }
  return pending;
}

describe.concurrent('run must fail on broken recordings and contracts', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  it('passes on the original Centra recordings in the same setup', async () => {
    const { code, report } = await runCentra('recordings');
    expect(code).toBe(0);
    expect(failedChecks(report)).toEqual([]);
  });

  it('fails response.documented and scenario.outcome for a recorded response whose status was changed', async () => {
    const { code, report } = await variant('response-status-changed');
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['contract.coverage', 'contract.responses-exercised', 'response.documented', 'scenario.outcome']);
    expect(failureText(report, 'response.documented')).toContain('Received: HTTP 503');
  });

  it('fails scenario.outcome for a recorded response whose body was changed to another documented outcome', async () => {
    const { code, report } = await variant('response-body-changed');
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['contract.coverage', 'contract.responses-exercised', 'scenario.outcome']);
    expect(failureText(report, 'scenario.outcome')).toContain('Received: invalid_request / Documented: ok for case update-ok-result-success.');
  });

  it('fails request.schema and scenario.exchange for a recorded request without <ns1:id>, naming the nearest recording', async () => {
    const { code, report } = await variant('request-missing-id');
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['request.schema', 'scenario.exchange']);
    expect(failureText(report, 'request.schema')).toContain('required /invoices/invoice/0/id');
    const exchange = failureText(report, 'scenario.exchange');
    expect(exchange).toContain('nearest is test/fixtures/recordings/request-missing-id/centra/invoices_Update/update-ok.har (case update-ok)');
    expect(exchange).toContain('body /body/invoices/invoice/0/id: recorded nothing, received "1001"');
  });

  it('fails request.soap-action for a recorded request with the wrong SOAPAction', async () => {
    const { code, report } = await variant('wrong-soap-action');
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['request.soap-action', 'scenario.exchange']);
    expect(failuresOf(report, 'request.soap-action').map((r) => r.case)).toEqual(['update-ok']);
  });

  it('fails request.namespaces for an operation element in the wrong namespace', async () => {
    const { code, report } = await variant('wrong-operation-namespace');
    expect(code).toBe(1);
    // Replay matches by namespace URI too, so the built request no longer matches the recording.
    expect(failedChecks(report)).toEqual(['request.namespaces', 'scenario.exchange']);
    expect(failureText(report, 'request.namespaces')).toContain('namespace /invoices_Update');
  });

  it('fails request.namespaces for a child element in no namespace', async () => {
    const { code, report } = await variant('wrong-child-namespace');
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['request.namespaces', 'scenario.exchange']);
    expect(failureText(report, 'request.namespaces')).toContain('namespace /invoices/invoice/currency');
  });

  it('fails contract.recordings-redacted for a recording holding the real secret, and never prints it', async () => {
    const { code, report, stdout, stderr } = await variant('secret-not-redacted');
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['contract.recordings-redacted']);
    expect(failureText(report, 'contract.recordings-redacted')).toContain('update-ok.har body:/login/password');
    expect(stdout + stderr).not.toContain('s3cr3t-live-password');
  });

  it('fails contract.recordings-valid for a missing recording file', async () => {
    const { code, report } = await variant('missing-recording');
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['contract.coverage', 'contract.recordings-valid', 'contract.responses-exercised', 'scenario.exchange']);
    expect(failureText(report, 'contract.recordings-valid')).toContain('test/fixtures/recordings/missing-recording/centra/invoices_Update/update-ok.har: cannot read (ENOENT)');
  });

  it('fails request.build for a contract case whose input lacks a required value, naming the field', async () => {
    const { code, report } = await caseMissingInvoiceId();
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['request.build', 'scenario.exchange']);
    expect(failuresOf(report, 'request.build').map((r) => r.case)).toEqual(['fault-server']);
    expect(failureText(report, 'request.build')).toContain('invoices.invoice[].id is required (string). Fix: set "invoice.id" in the input.');
  });

  // Engine bug: reproduce commands ignore --recordings (and --contracts). The printed
  // `conformance run --vendor centra` re-runs the default recordings, which pass.
  it('prints a reproduce command for a run failure that names the recordings folder it failed on', async () => {
    const { report } = await variant('wrong-soap-action');
    const [failure] = failuresOf(report, 'request.soap-action');
    expect(failure?.reproduce).toMatch(/--recordings \S*test\/fixtures\/recordings\/wrong-soap-action\b/);
  });

  // Same bug, build flavour: `conformance build centra/invoices_Update --case fault-server` loads
  // the default contracts, whose fault-server case has an id, so it exits 0.
  it('prints a reproduce command for a request.build failure that names the contracts folder it failed on', async () => {
    const { report } = await caseMissingInvoiceId();
    const [failure] = failuresOf(report, 'request.build');
    expect(failure?.reproduce).toMatch(/--contracts \S*test\/fixtures\/contracts\/case-missing-invoice-id\b/);
  });
});
