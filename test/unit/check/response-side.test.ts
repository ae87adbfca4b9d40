import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import type { HttpResponse } from '../../../src/model/http.ts';
import { responseSide, RECENT_RESPONSES } from '../../../src/check/response-side.ts';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

let crm: Contract;

beforeAll(async () => {
  crm = (await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml'))).contract;
});

/** A CRM.COM update answer (vendor-docs/crmcom-invoices_update.txt: status.code OK, data the invoice). */
function answer(state: string, status = 200, headers: Record<string, string> = { 'content-type': 'application/json' }): HttpResponse {
  return { status, headers, body: JSON.stringify({ status: { code: 'OK', message: '' }, data: { life_cycle_state: state } }) };
}

const draftRule = (rules: readonly { params?: Readonly<Record<string, unknown>> }[]): boolean => rules.some((v) => v.params?.['rule'] === 'updated-invoice-is-draft');

describe('responseSide', () => {
  it('classifies a response as classifyResponse does and evaluates the contract rule that an updated invoice is DRAFT', async () => {
    const posted = await responseSide(crm, answer('POSTED'));
    expect(posted.response).toEqual(classifyResponse(crm, answer('POSTED')));
    expect(posted.response.matched).toBe('update-ok');
    expect(draftRule(posted.responseRules)).toBe(true);
    const draft = await responseSide(crm, answer('DRAFT'));
    expect(draft.response.outcome).toBe('ok');
    expect(draftRule(draft.responseRules)).toBe(false);
  });

  it('gives a repeated response the verdicts of its first reading, and never another response\'s', async () => {
    const first = await responseSide(crm, answer('POSTED'));
    const other = await responseSide(crm, answer('DRAFT'));
    const again = await responseSide(crm, answer('POSTED'));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(draftRule(again.responseRules)).toBe(true);
    expect(draftRule((await responseSide(crm, answer('DRAFT'))).responseRules)).toBe(false);
  });

  it('reads a response again when only its status or a header differs', async () => {
    const ok = await responseSide(crm, answer('POSTED'));
    const failed = await responseSide(crm, answer('POSTED', 500));
    expect(failed.response.matched).not.toBe('update-ok');
    expect(draftRule(failed.responseRules)).toBe(false);
    const otherHeader = await responseSide(crm, answer('POSTED', 200, { 'content-type': 'application/json', 'x-request-id': '7' }));
    expect(otherHeader).not.toBe(ok);
    expect(otherHeader.response).toEqual(ok.response);
  });

  it('keeps at most RECENT_RESPONSES.maxEntries responses per contract, forgetting the oldest', async () => {
    const first = await responseSide(crm, answer('STATE-0'));
    for (let i = 1; i <= RECENT_RESPONSES.maxEntries; i++) await responseSide(crm, answer(`STATE-${i}`));
    const again = await responseSide(crm, answer('STATE-0'));
    expect(again).not.toBe(first);
    expect(again.response).toEqual(first.response);
  });
});
