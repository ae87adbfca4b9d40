import { describe, expect, it } from 'vitest';
import { runCli, type CliResult, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

const RESPONSES = 'test/fixtures/responses/centra';

const PARSE = ['parse', 'centra/invoices_Update', '--contracts', 'contracts/centra'];

/** `conformance parse` in-process (see run-command.ts). */
function parse(...args: string[]): Promise<CliResult> {
  return runCommand([...PARSE, ...args]);
}

function json(result: CliResult): Record<string, unknown> {
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

let docResult: Promise<CliResult> | undefined;
/**
 * `parse` of the doc response example, run once as a real subprocess of the bin and shared by the
 * tests that compare with it (so the in-process variants are compared with the process's output).
 */
function parseDocResponse(): Promise<CliResult> {
  docResult ??= runCli([...PARSE, '--response', `${RESPONSES}/doc-result.SOAP-ENV.xml`, '--status', '200']);
  return docResult;
}

describe.concurrent('conformance parse centra/invoices_Update', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  it('prints ok and conformant for the doc response example, in the documented shape, and exits 0', async () => {
    const result = await parseDocResponse();
    expect(result.code).toBe(0);
    expect(json(result)).toEqual({ contract: 'centra/invoices_Update', outcome: 'ok', conformant: true, vendorCode: null, message: null, data: {}, violations: [] });
  });

  // The unit tests compare all six envelope forms; here one prefix and one default-namespace form.
  it.each(['s', 'default-xmlns-envelope'])('prints the same output for the %s variant of the envelope', async (variant) => {
    const result = await parse('--response', `${RESPONSES}/doc-result.${variant}.xml`, '--status', '200');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe((await parseDocResponse()).stdout);
  });

  it('prints a non-ok outcome with the faultstring as message for a SOAP Fault', async () => {
    const result = await parse('--response', `${RESPONSES}/fault-client.xml`, '--status', '500');
    expect(result.code).toBe(0);
    expect(json(result)).toMatchObject({ outcome: 'invalid_request', conformant: true, vendorCode: 'SOAP-ENV:Client', message: 'Malformed invoice id' });
  });

  it('prints unknown and not conformant for an unrelated XML document, and exits 1', async () => {
    const result = await parse('--response', `${RESPONSES}/unrelated-html.xml`, '--status', '200');
    expect(result.code).toBe(1);
    const output = json(result);
    expect(output).toMatchObject({ outcome: 'unknown', conformant: false });
    expect(output['violations']).toContainEqual(expect.objectContaining({ rule: 'undocumented-response' }));
  });

  it('uses the recorded response and status of a .har recording', async () => {
    const result = await parse('--response', 'recordings/centra/invoices_Update/fault-server.har');
    expect(result.code).toBe(0);
    expect(json(result)).toMatchObject({ outcome: 'server_error', conformant: true, vendorCode: 'SOAP-ENV:Server', message: 'Internal error' });
  });

  it('lets --status override the recorded status of a .har recording', async () => {
    const result = await parse('--response', 'recordings/centra/invoices_Update/fault-server.har', '--status', '200');
    expect(result.code).toBe(1);
    expect(json(result)).toMatchObject({ outcome: 'unknown', conformant: false });
  });
});
