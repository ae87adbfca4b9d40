import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseContext, ContractContext } from '../../../suites/check.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, recordingsVariant } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

function caseOf(ctx: ContractContext, name: string): CaseContext {
  const found = ctx.cases.find((c) => c.case.name === name);
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
}

describe('prepareCase', () => {
  let original: ContractContext;
  let missing: ContractContext;
  beforeAll(async () => {
    original = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    missing = await prepareContract(CENTRA_CONTRACT, recordingsVariant('missing-recording'));
  });

  it('builds the request from the case input with the placeholder credentials', () => {
    const { built } = caseOf(original, 'update-ok');
    expect(built.violations).toEqual([]);
    expect(built.request.body).toContain('<ns1:password>demo</ns1:password>');
    expect(built.request.body).toContain('<ns1:id>1001</ns1:id>');
  });

  it('sends the built request through replay and classifies the answer', () => {
    const ctx = caseOf(original, 'fault-server');
    expect(ctx.sent.ok).toBe(true);
    expect(ctx.answered).toMatchObject({ outcome: 'server_error', vendorCode: 'SOAP-ENV:Server', message: 'Internal error' });
  });

  it('reads, decodes and classifies the recorded exchange', () => {
    const { recorded, recording } = caseOf(original, 'update-failed');
    expect(recording.ok).toBe(true);
    expect(recorded?.request.headers['soapaction']).toBe('"http://www.centra.com/webservices/Invoices_Update"');
    expect(recorded?.decoded.violations).toEqual([]);
    expect(recorded?.response).toMatchObject({ outcome: 'invalid_request', matched: 'result-failure', message: 'Invalid currency XXX' });
  });

  it('keeps a readable problem instead of throwing when the recording file is missing', () => {
    const ctx = caseOf(missing, 'update-ok');
    expect(ctx.recording).toMatchObject({ ok: false, problem: expect.stringContaining('cannot read (ENOENT)') });
    expect(ctx.recorded).toBeUndefined();
    expect(ctx.sent).toMatchObject({ ok: false, kind: 'unmatched' });
  });
});
