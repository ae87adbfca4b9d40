import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBuiltRequest } from '../../../src/protocols/check-built-request.ts';
import { protocolFor } from '../../../src/protocols/index.ts';
import { requestSchema } from '../../../suites/request-building/request-schema.ts';
import type { CaseContext, ContractContext } from '../../../suites/check.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, recordingsVariant, repoPath } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

/**
 * request.schema over a recorded request whose body is one of test/fixtures/xml/requests/ (see its README):
 * the case's recording is read as `conformance run` reads it, then its request body is that fixture.
 */
function withRecordedBody(ctx: ContractContext, fixture: string): CaseContext {
  const base = ctx.cases[0];
  if (base?.recorded === undefined) throw new Error('the first case has no readable recording');
  const request = { ...base.recorded.request, body: readFileSync(repoPath('test/fixtures/xml/requests', fixture), 'utf8') };
  const message = protocolFor(ctx.contract.protocol).readMessage(request.body);
  return { ...base, recorded: { ...base.recorded, request, message, decoded: decodeBuiltRequest(ctx.contract, request) } };
}

function schemaViolations(ctx: CaseContext): Violation[] {
  const outcome = requestSchema.run(ctx);
  if ('skip' in outcome || 'notApplicable' in outcome) throw new Error('request.schema did not run');
  return [...outcome];
}

describe('request.schema over decoded recorded requests', () => {
  let centra: ContractContext;
  let invoicexpress: ContractContext;
  let opsplanning: ContractContext;

  beforeAll(async () => {
    centra = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    invoicexpress = await prepareContract(repoPath('contracts/invoicexpress/invoices.update.yaml'), CENTRA_RECORDINGS);
    opsplanning = await prepareContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'), CENTRA_RECORDINGS);
  });

  it('fails a Centra request that sends the invoice id twice, as a field that occurs at most once', () => {
    expect(schemaViolations(withRecordedBody(centra, 'centra-id-twice.xml'))).toEqual([
      expect.objectContaining({ rule: 'repeated', severity: 'error', path: '/invoices/invoice/id' }),
    ]);
  });

  it('fails a Centra request whose currency holds an element instead of text', () => {
    expect(schemaViolations(withRecordedBody(centra, 'centra-currency-with-children.xml'))).toEqual([
      expect.objectContaining({ rule: 'type', severity: 'error', path: '/invoices/invoice/currency' }),
    ]);
  });

  it('warns, without failing, about an OpsPlanning PaidFlag sent with spaces around the boolean', () => {
    const violations = schemaViolations(withRecordedBody(opsplanning, 'opsplanning-paid-flag-with-whitespace.xml'));
    expect(violations).toEqual([expect.objectContaining({ rule: 'whitespace', path: '/request/Parameters/PaidFlag' })]);
    expect(violations[0]?.severity).not.toBe('error');
  });

  it('fails an InvoiceXpress request whose items element lacks the documented type="array" attribute', () => {
    expect(schemaViolations(withRecordedBody(invoicexpress, 'invoicexpress-items-without-type.xml'))).toEqual([
      expect.objectContaining({ rule: 'attribute', severity: 'error', path: '/items/@type' }),
    ]);
  });

  it('fails an OpsPlanning request whose SOAP header lacks the required AccountName', () => {
    expect(schemaViolations(withRecordedBody(opsplanning, 'opsplanning-header-without-account-name.xml'))).toEqual([
      expect.objectContaining({ rule: 'required', severity: 'error', path: '/Header/OpsAuthenticationHeader/AccountName' }),
    ]);
  });

  it('fails an OpsPlanning request whose SOAP header carries a malformed email address', () => {
    expect(schemaViolations(withRecordedBody(opsplanning, 'opsplanning-header-email-malformed.xml'))).toEqual([
      expect.objectContaining({ rule: 'format', severity: 'error', path: '/Header/OpsAuthenticationHeader/EmailAddress' }),
    ]);
  });

  it('leaves a child element in the wrong namespace to request.namespaces', async () => {
    const variant = await prepareContract(CENTRA_CONTRACT, recordingsVariant('wrong-child-namespace'));
    expect(variant.cases.flatMap((c) => schemaViolations(c))).toEqual([]);
  });
});
