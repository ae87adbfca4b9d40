import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../src/model/http.ts';
import type { Violation } from '../../../src/model/violation.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { responseDocumented } from '../../../suites/response-parsing/documented.ts';
import { responseReadable } from '../../../suites/response-parsing/readable.ts';
import { responseRules } from '../../../suites/response-parsing/response-rules.ts';
import { responseSchema } from '../../../suites/response-parsing/response-schema.ts';
import type { CaseCheck } from '../../../suites/check.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { handBuiltCase, withoutRecording } from './hand-built-case.ts';

// Each response check on one recorded response changed by hand (classified by the real
// classifier, with the contract's rules evaluated), so each mutant is covered per test.

let centra: Contract;
let crmcom: Contract;
let centraOk: HttpResponse;
let crmcomOk: HttpResponse;

/** The response of a shipped recording, as replay serves it. */
async function recordedResponse(file: string): Promise<HttpResponse> {
  const har = JSON.parse(await readFile(repoPath('recordings', file), 'utf8')) as { log: { entries: Array<{ response: { status: number; content: { text: string; mimeType: string } } }> } };
  const response = har.log.entries[0]?.response;
  if (response === undefined) throw new Error(`${file} has no entry`);
  return { status: response.status, headers: { 'content-type': response.content.mimeType }, body: response.content.text };
}

beforeAll(async () => {
  centra = (await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'))).contract;
  crmcom = (await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml'))).contract;
  centraOk = await recordedResponse('centra/invoices_Update/update-ok-result-success.har');
  crmcomOk = await recordedResponse('crmcom/invoices_update/update-example-1.har');
});

async function run(check: CaseCheck, contract: Contract, response: HttpResponse): Promise<readonly Violation[]> {
  const outcome = check.run(await handBuiltCase(contract, { response }));
  if (!Array.isArray(outcome)) throw new Error(`expected violations, got ${JSON.stringify(outcome)}`);
  return outcome as readonly Violation[];
}

const rules = (found: readonly Violation[]): string[] => found.map((v) => v.rule);
const withBody = (r: HttpResponse, body: string): HttpResponse => ({ ...r, body });
const crmcomData = (r: HttpResponse, change: (data: Record<string, unknown>) => Record<string, unknown>): HttpResponse => {
  const parsed = JSON.parse(r.body) as { data: Record<string, unknown> };
  return withBody(r, JSON.stringify({ ...parsed, data: change(parsed.data) }));
};
const unexpectedChild = (r: HttpResponse): HttpResponse => withBody(r, r.body.replace('<ns1:notices/>', '<ns1:notices/><ns1:code>7</ns1:code>'));

describe('every response check on a case whose recording could not be read', () => {
  it.each<CaseCheck>([responseReadable, responseDocumented, responseSchema, responseRules])('$id is skipped, pointing at contract.recordings-valid', async (check) => {
    expect(check.run(withoutRecording(await handBuiltCase(crmcom, { response: crmcomOk })))).toEqual({ skip: 'the recording could not be read (see contract.recordings-valid)' });
  });
});

describe('response.readable', () => {
  it('applies to every contract and passes the recorded responses', async () => {
    expect([centra, crmcom].map((c) => responseReadable.appliesTo(c))).toEqual([true, true]);
    expect(await run(responseReadable, centra, centraOk)).toEqual([]);
    expect(await run(responseReadable, crmcom, crmcomOk)).toEqual([]);
  });

  it('fails a truncated XML body and a truncated JSON body', async () => {
    expect(rules(await run(responseReadable, centra, withBody(centraOk, centraOk.body.slice(0, 120))))).toEqual(['xml-malformed']);
    expect(rules(await run(responseReadable, crmcom, withBody(crmcomOk, crmcomOk.body.slice(0, 40))))).toEqual(['json-malformed']);
  });

  it('fails a DOCTYPE in the response', async () => {
    expect(rules(await run(responseReadable, centra, withBody(centraOk, centraOk.body.replace('?>', '?><!DOCTYPE x [<!ENTITY a "b">]>'))))).toEqual(['xml-doctype']);
  });

  it('leaves a readable but undocumented or mis-structured response to response.documented and response.schema', async () => {
    expect(await run(responseReadable, centra, { ...centraOk, status: 503 })).toEqual([]);
    expect(await run(responseReadable, centra, unexpectedChild(centraOk))).toEqual([]);
  });
});

describe('response.documented', () => {
  it('applies to every contract and passes a documented response', async () => {
    expect(responseDocumented.appliesTo(crmcom)).toBe(true);
    expect(await run(responseDocumented, centra, centraOk)).toEqual([]);
  });

  it('fails a response with an undocumented status (outcome unknown)', async () => {
    expect(rules(await run(responseDocumented, centra, { ...centraOk, status: 503 }))).toEqual(['undocumented-response']);
  });

  it('leaves an undocumented element of a documented response to response.schema', async () => {
    expect(await run(responseDocumented, centra, unexpectedChild(centraOk))).toEqual([]);
  });
});

describe('response.schema', () => {
  it('applies to every contract and passes a documented response', async () => {
    expect(responseSchema.appliesTo(centra)).toBe(true);
    expect(await run(responseSchema, centra, centraOk)).toEqual([]);
    expect(await run(responseSchema, crmcom, crmcomOk)).toEqual([]);
  });

  it('fails a documented response carrying an undocumented element, and one with a value of the wrong type', async () => {
    expect(await run(responseSchema, centra, unexpectedChild(centraOk))).toEqual([expect.objectContaining({ rule: 'unexpected-element', path: '/result/code' })]);
    const wrongType = await run(responseSchema, crmcom, crmcomData(crmcomOk, (d) => ({ ...d, total_amount: 'twelve' })));
    expect(wrongType).toEqual([expect.objectContaining({ rule: 'type', path: '/data/total_amount' })]);
  });

  it('leaves an unclassified response to response.documented instead of reporting it twice', async () => {
    expect(await run(responseSchema, centra, { ...unexpectedChild(centraOk), status: 503 })).toEqual([]);
  });

  it('does not repeat what response.readable reports about an unreadable body of a documented response', async () => {
    // InvoiceXpress documents its 401 by status alone (body: any), so a truncated XML or JSON body still classifies as
    // auth_failed; the body is response.readable's finding, not a structure finding.
    const ixp = (await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'))).contract;
    for (const body of ['<errors><error>x', '{"errors": [']) {
      const denied: HttpResponse = { status: 401, headers: { 'content-type': 'application/xml' }, body };
      expect((await handBuiltCase(ixp, { response: denied })).recorded?.response.outcome).toBe('auth_failed');
      expect(rules(await run(responseReadable, ixp, denied))).toEqual([body.startsWith('<') ? 'xml-malformed' : 'json-malformed']);
      expect(await run(responseSchema, ixp, denied)).toEqual([]);
    }
  });
});

describe('response.rules', () => {
  it('applies to contracts with a response rule (CRM.COM totals), not to request rules alone', () => {
    const rule = { id: 'r', description: 'd', assert: 'true' };
    expect(responseRules.appliesTo(crmcom)).toBe(true);
    expect(responseRules.appliesTo({ ...centra, rules: [{ ...rule, on: 'response' }] })).toBe(true);
    expect(responseRules.appliesTo({ ...centra, rules: [rule] })).toBe(false);
    expect(responseRules.appliesTo({ ...centra, rules: [{ ...rule, on: 'request' }] })).toBe(false);
    const { rules: _none, ...withoutRules } = centra;
    expect(responseRules.appliesTo(withoutRules)).toBe(false);
  });

  it('passes the recorded CRM.COM answer and fails one whose total is not net - discount + VAT (rule invoice-totals)', async () => {
    expect(await run(responseRules, crmcom, crmcomOk)).toEqual([]);
    const found = await run(responseRules, crmcom, crmcomData(crmcomOk, (d) => ({ ...d, total_amount: Number(d['total_amount']) + 1 })));
    expect(found).toEqual([expect.objectContaining({ rule: 'rule', params: expect.objectContaining({ rule: 'invoice-totals' }) })]);
  });

  it('fails an updated invoice that is not in the DRAFT state (rule updated-invoice-is-draft)', async () => {
    const found = await run(responseRules, crmcom, crmcomData(crmcomOk, (d) => ({ ...d, life_cycle_state: 'POSTED' })));
    expect(found).toEqual([expect.objectContaining({ rule: 'rule', params: expect.objectContaining({ rule: 'updated-invoice-is-draft' }) })]);
  });
});
