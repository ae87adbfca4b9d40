import { describe, expect, it } from 'vitest';
import { QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

interface Report {
  readonly results: readonly { readonly id: string; readonly state: string; readonly violations?: readonly { readonly rule: string; readonly message: string }[] }[];
}

const failed = async (variant: string): Promise<Report['results']> => {
  // The variants copy UpdateInvoice's recordings only.
  const result = await runCommand(['run', '--contracts', 'contracts/ebizcharge/UpdateInvoice.yaml', '--recordings', `test/fixtures/recordings/${variant}`, '--reporter', 'json']);
  expect(result.code).toBe(1);
  return (JSON.parse(result.stdout) as Report).results.filter((r) => r.state === 'failed');
};

describe.concurrent('conformance run on recordings with SOAP protocol errors (EBizCharge)', () => {
  it('fails request.sequence, and only it, for elements out of the WSDL order', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const results = await failed('ebizcharge-out-of-order');
    expect(results.map((r) => r.id)).toEqual(['ebizcharge/UpdateInvoice#update-ok-php-example#request.sequence']);
    expect(results[0]?.violations?.[0]?.message).toContain('<PoNum> out of order');
  });

  it('fails request.must-understand for an undeclared mustUnderstand header block', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    expect((await failed('ebizcharge-must-understand')).map((r) => r.id)).toEqual(['ebizcharge/UpdateInvoice#update-ok-php-example#request.must-understand']);
  });

  it('fails request.soap-version, naming SOAP 1.2, for the SOAP 1.2 content type', { timeout: QUEUED_TEST_TIMEOUT_MS }, async () => {
    const results = await failed('ebizcharge-soap12-content-type');
    expect(results.map((r) => r.id)).toContain('ebizcharge/UpdateInvoice#update-ok-php-example#request.soap-version');
    expect(results.find((r) => r.id.endsWith('request.soap-version'))?.violations?.[0]?.message).toContain('(SOAP 1.2)');
  });
});
