import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  describe('a body file in another charset is decoded as a received body is, never replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-charset-'));
    /** The client fault, its faultstring Portuguese, written as ISO-8859-1 bytes ("á" is the one byte 0xE1). */
    function latin1Fault(declaration: string): string {
      const path = join(dir, `fault-${declaration === '' ? 'undeclared' : 'declared'}.xml`);
      const xml = `${declaration}<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>Fatura inválida</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
      writeFileSync(path, Buffer.from(xml, 'latin1'));
      return path;
    }

    it('by the XML declaration', async () => {
      const result = await parse('--response', latin1Fault('<?xml version="1.0" encoding="ISO-8859-1"?>'), '--status', '500');
      expect(result.code).toBe(0);
      expect(json(result)).toMatchObject({ outcome: 'invalid_request', message: 'Fatura inválida' });
    });

    it('by the charset of --header "Content-Type: ..."', async () => {
      const result = await parse('--response', latin1Fault(''), '--status', '500', '--header', 'Content-Type: text/xml; charset=ISO-8859-1');
      expect(result.code).toBe(0);
      expect(json(result)).toMatchObject({ outcome: 'invalid_request', message: 'Fatura inválida' });
    });

    it('and refused, exit 2, when nothing declares it and the bytes are not UTF-8', async () => {
      const file = latin1Fault('');
      const result = await parse('--response', file, '--status', '500');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--response ${file}: Cannot decode the body: the bytes are not valid utf-8 (no charset was declared, so UTF-8 applies).`);
    });

    it('refuses a FIFO as --response at once, exit 2, instead of waiting for a writer', async () => {
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      const result = await parse('--response', fifo);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--response ${fifo}: not a file`);
    });
  });
});
