import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../../src/types/contract.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { sendHttp } from '../../../src/targets/http-client.ts';
import { defaultSeed } from '../../../src/targets/simulate/load-seed.ts';
import type { SimulatorLogLine } from '../../../src/targets/simulate/serve-simulator.ts';
import { startSimulators, type RunningSimulators } from '../../../src/targets/simulate/start-simulators.ts';
import { testCredentials } from '../../../src/targets/simulate/test-credentials.ts';
import { repoPath } from '../../helpers/paths.ts';

const EBIZ = 'ebizcharge/UpdateInvoice';
const EBIZ_OK = {
  customer: { id: '1' },
  invoice: { number: '123' },
  issueDate: '2020-05-13',
  currency: 'USD',
  totals: { total: 200, amountDue: 200, tax: 0, discount: 0, shipping: 0 },
  notify: { customer: false, email: false, print: false },
};
const EBIZ_LINE = { ...EBIZ_OK, items: [{ lineNumber: 1, unitPrice: '20.25', quantity: 10, taxable: true, taxRate: 0, lineTotal: '202.50', taxAmount: 0, grossPrice: 0, warrantyDiscount: 0, discountAmount: 0 }] };
const CENTRA_OK = { invoice: { id: '1001' } };
const IX_OK = { invoice: { id: '1503699' }, customer: { name: 'Bruce Norris' }, items: [{ name: 'Product 1', unitPrice: '10.0', quantity: '2.0', unit: 'unit' }] };

type Tweak = (r: HttpRequest) => HttpRequest;
const header = (name: string, value: string | undefined): Tweak => (r) => {
  const headers: Record<string, string> = { ...r.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...r, headers };
};
const body = (from: RegExp | string, to: string): Tweak => (r) => {
  const next = r.body.replace(from, to);
  if (next === r.body) throw new Error(`tweak ${String(from)} did not apply`);
  return { ...r, body: next };
};
const unquote = (r: HttpRequest): HttpRequest => header('soapaction', (r.headers['soapaction'] ?? '').replace(/"/g, ''))(r);

// Each departure the vendor's stack accepts: [case, contract, input, tweak, documented success, rule the log names].
const LENIENT: [string, string, unknown, Tweak, string, string][] = [
  ['an unquoted SOAPAction (EBizCharge, WCF)', EBIZ, EBIZ_OK, unquote, 'update-success', 'soapaction'],
  ['an unquoted SOAPAction (Centra)', 'centra/invoices_Update', CENTRA_OK, unquote, 'result-empty', 'soapaction'],
  ['no SOAPAction at all (Centra: PHP SoapServer does not route on it)', 'centra/invoices_Update', CENTRA_OK, header('soapaction', undefined), 'result-empty', 'soapaction'],
  ['text/xml for InvoiceXpress (Rails reads it as XML)', 'invoicexpress/invoices.update', IX_OK, header('content-type', 'text/xml; charset=utf-8'), 'update-ok', 'content-type'],
  ['whitespace around an xs:boolean (EBizCharge NotifyCustomer)', EBIZ, EBIZ_OK, body('<ebiz:NotifyCustomer>false</ebiz:NotifyCustomer>', '<ebiz:NotifyCustomer>\n  false\n</ebiz:NotifyCustomer>'), 'update-success', 'whitespace'],
  ['whitespace around an xs:decimal (EBizCharge InvoiceAmount)', EBIZ, EBIZ_OK, body('<ebiz:InvoiceAmount>200</ebiz:InvoiceAmount>', '<ebiz:InvoiceAmount> 200 </ebiz:InvoiceAmount>'), 'update-success', 'whitespace'],
  ['the doc example\'s line total 200.25 for 20.25 x 10 (EBizCharge)', EBIZ, EBIZ_LINE, body('<ebiz:TotalLineAmount>202.50</ebiz:TotalLineAmount>', '<ebiz:TotalLineAmount>200.25</ebiz:TotalLineAmount>'), 'update-success', 'rule'],
];

describe('simulators accept what the vendors\' stacks accept, log it, and refuse it with --strict', () => {
  let contracts: LoadedContract[];
  let lenient: RunningSimulators;
  let strict: RunningSimulators;
  const log: SimulatorLogLine[] = [];

  beforeAll(async () => {
    contracts = await loadAllContracts([repoPath('contracts')]);
    lenient = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: defaultSeed(), onRequest: (l) => log.push(l) });
    strict = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: defaultSeed(), strict: true, onRequest: (l) => log.push(l) });
  });
  afterAll(async () => {
    await lenient.close();
    await strict.close();
  });

  const send = async (sims: RunningSimulators, id: string, input: unknown, tweak: Tweak): Promise<{ status: number; matched: string | null; outcome: string; body: string }> => {
    const contract = contracts.find((l) => l.contract.id === id)?.contract;
    if (contract === undefined) throw new Error(id);
    const request = tweak(buildRequest(contract, input, { baseUrl: sims.baseUrls[id] ?? '', credentials: testCredentials(contract) }).request);
    const result = await sendHttp(request, { timeoutMs: 5000 });
    if (!result.ok) throw new Error(result.problem);
    const parsed = classifyResponse(contract, result.exchange.response);
    return { status: result.exchange.response.status, matched: parsed.matched, outcome: parsed.outcome, body: result.exchange.response.body };
  };

  it.each(LENIENT)('accepts %s and logs the warning', async (_name, id, input, tweak, success, rule) => {
    log.length = 0;
    expect((await send(lenient, id, input, tweak)).matched).toBe(success);
    expect(log.at(-1)?.note).toMatch(new RegExp(`^warning ${rule} .*\\(accepted: `));
  });

  it.each(LENIENT)('refuses %s with --strict, in the vendor\'s own words', async (_name, id, input, tweak, _success, rule) => {
    log.length = 0;
    const answer = await send(strict, id, input, tweak);
    expect(answer.outcome).toBe('invalid_request');
    expect(log.at(-1)?.note).toContain(`refused: ${rule}`);
    // No suite wording or file path in what should be the vendor's answer.
    expect(answer.body).not.toMatch(/Received:|Documented:|contracts\/|\.yaml|request\.[a-z-]+/);
  });

  it("accepts the CRM.COM doc's own Example 1 (udf_float_5..8) and refuses it with --strict", async () => {
    const contract = contracts.find((l) => l.contract.id === 'crmcom/invoices_update')?.contract;
    const input = contract?.cases.find((c) => c.name === 'update-example-1-verbatim')?.input;
    expect(input).toBeDefined();
    log.length = 0;
    expect((await send(lenient, 'crmcom/invoices_update', input, (r) => r)).matched).toBe('update-ok');
    expect(log.at(-1)?.note).toContain('warning undocumented-field at /udf_float_5 (accepted: ');
    const refused = await send(strict, 'crmcom/invoices_update', input, (r) => r);
    expect(refused.outcome).toBe('invalid_request');
    expect(refused.body).not.toMatch(/Received:|Documented:/);
  });

  it('still answers the untouched requests with the documented success when strict', async () => {
    expect((await send(strict, EBIZ, EBIZ_OK, (r) => r)).matched).toBe('update-success');
    expect((await send(strict, 'centra/invoices_Update', CENTRA_OK, (r) => r)).matched).toBe('result-empty');
  });

  it('refuses a missing SOAPAction where the service routes on it (EBizCharge, WCF), strict or not', async () => {
    const answer = await send(lenient, EBIZ, EBIZ_OK, header('soapaction', undefined));
    expect(answer).toMatchObject({ status: 500, matched: 'fault-client' });
    expect(answer.body).toContain('Invalid request at header soapaction.');
  });

  it('answers a request that breaks the contract with a plain fault text, not the suite\'s Received/Documented wording', async () => {
    log.length = 0;
    const answer = await send(lenient, EBIZ, EBIZ_OK, body('<ebiz:InvoiceAmount>200</ebiz:InvoiceAmount>', '<ebiz:InvoiceAmount>two hundred</ebiz:InvoiceAmount>'));
    expect(answer).toMatchObject({ status: 500, matched: 'fault-client' });
    expect(answer.body).toContain('<faultstring xml:lang="en-US">Invalid request at /invoice/InvoiceAmount.</faultstring>');
    expect(answer.body).not.toContain('Received:');
    expect(log.at(-1)?.note).toBe('refused: pattern at /invoice/InvoiceAmount');
  });
});
