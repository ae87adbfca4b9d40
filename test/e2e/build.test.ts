import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, type CliResult, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

/** `conformance build` of one input; in-process unless `run` says otherwise. */
function build(input: string, run: typeof runCli = runCommand): Promise<CliResult> {
  return run(['build', 'centra/invoices_Update', '--contracts', 'contracts/centra', '--input', `test/fixtures/inputs/centra/${input}`]);
}

describe.concurrent('conformance build centra/invoices_Update', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  it('prints the HTTP request with the invoices_Update element and exits 0 for a complete input', async () => {
    // A real subprocess of the bin; the other tests call the command in-process.
    const result = await build('update-ok.json', runCli);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^POST \/ams\/system\/service\/module\/soap\/api HTTP\/1\.1\n/);
    expect(result.stdout).toContain('soapaction: "http://www.centra.com/webservices/Invoices_Update"');
    expect(result.stdout).toContain('<ns1:invoices_Update>');
    expect(result.stdout).toContain('<ns1:id>1001</ns1:id>');
    expect(result.stderr).toBe('');
  });

  it('exits 1 and names the missing id on stderr for an input without invoice.id', async () => {
    const result = await build('missing-invoice-id.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('violation required at /invoices/invoice/0/id');
    expect(result.stderr).toContain('Fix: set "invoice.id" in the input.');
  });

  it('exits 2 without a stack trace for an input with a key the canonical model does not have', async () => {
    const result = await build('unknown-key.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a canonical update');
    expect(result.stderr).toContain('input/invoice must NOT have additional properties ("colour")');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe('');
  });

  it('exits 2 without a stack trace for an input that is not JSON', async () => {
    const result = await build('not-json.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Malformed JSON');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
