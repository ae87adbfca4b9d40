import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../../src/types/contract.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { classifyResponse, type ParsedResponse } from '../../../src/protocols/classify-response.ts';
import { sendHttp } from '../../../src/targets/http-client.ts';
import { defaultSeed } from '../../../src/targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../../src/targets/simulate/start-simulators.ts';
import { testCredentials } from '../../../src/targets/simulate/test-credentials.ts';
import type { SimulatorLogLine } from '../../../src/targets/simulate/serve-simulator.ts';
import { repoPath } from '../../helpers/paths.ts';

const OPS_NS = 'http://www.opsplanning.com/webservices/public/data';
const OPS_ACTION = '"http://www.opsplanning.com/webservices/public/data/UpdateInvoicePaymentStatus"';

describe('vendor simulators over real HTTP on 127.0.0.1', () => {
  let contracts: LoadedContract[];
  let sims: RunningSimulators;
  const log: SimulatorLogLine[] = [];

  beforeAll(async () => {
    contracts = await loadAllContracts([repoPath('contracts')]);
    const seed = { ...defaultSeed(), invoicexpress: { ...defaultSeed()['invoicexpress'], rateLimitPerMinute: 6 } };
    sims = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed, onRequest: (l) => log.push(l) });
  });

  afterAll(async () => {
    await sims.close();
  });

  const contractOf = (id: string) => {
    const found = contracts.find((l) => l.contract.id === id);
    if (found === undefined) throw new Error(id);
    return found.contract;
  };
  const build = (id: string, input: unknown, credentials?: Record<string, string>): HttpRequest => {
    const contract = contractOf(id);
    return buildRequest(contract, input, { baseUrl: sims.baseUrls[id] ?? '', credentials: credentials ?? testCredentials(contract) }).request;
  };
  const send = async (id: string, request: HttpRequest): Promise<ParsedResponse & { status: number; body: string }> => {
    const result = await sendHttp(request, { timeoutMs: 5000 });
    if (!result.ok) throw new Error(result.problem);
    return { ...classifyResponse(contractOf(id), result.exchange.response), status: result.exchange.response.status, body: result.exchange.response.body };
  };
  const state = async (id: string): Promise<{ invoices: { ids: Record<string, string>; items: { id: string }[]; client?: string; notes?: string; token?: string }[]; clients: { name: string }[] }> =>
    (await (await fetch(`${sims.baseUrls[id] ?? ''}/__simulator/state`)).json()) as never;

  it('serves one base URL per vendor, all on 127.0.0.1', () => {
    expect(Object.keys(sims.baseUrls).sort()).toEqual(contracts.map((l) => l.contract.id).sort());
    for (const url of Object.values(sims.baseUrls)) expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('answers a SOAP request written with other prefixes (S:, a default xmlns) like the built one', async () => {
    const body = `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/" xmlns:p="${OPS_NS}"><S:Header><p:OpsAuthenticationHeader><p:AccountName>sim-account</p:AccountName><p:EmailAddress>sim-user@simulator.invalid</p:EmailAddress><p:Password>sim-password</p:Password></p:OpsAuthenticationHeader></S:Header><S:Body><UpdateInvoicePaymentStatus xmlns="${OPS_NS}"><request><Parameters><InvoiceNumber>INV00110</InvoiceNumber><PaidFlag>false</PaidFlag></Parameters></request></UpdateInvoicePaymentStatus></S:Body></S:Envelope>`;
    const url = `${sims.baseUrls['opsplanning/UpdateInvoicePaymentStatus'] ?? ''}/OpsProjectorWebSvc/OpsProjectorSvc.asmx`;
    const answer = await send('opsplanning/UpdateInvoicePaymentStatus', { method: 'POST', url, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: OPS_ACTION }, body });
    expect(answer).toMatchObject({ outcome: 'ok', matched: 'update-ok', conformant: true });
  });

  it.each([
    ['centra/invoices_Update', 'password', 500, 'fault-client'],
    ['ebizcharge/SearchInvoices', 'securityId', 500, 'fault-client'],
    ['crmcom/authentication_token', 'password', 200, 'login-refused'],
    ['invoicexpress/invoices.list', 'apiKey', 401, 'auth-failed-json'],
    ['opsplanning/UpdateInvoicePaymentStatus', 'password', 500, 'fault-client'],
  ])('refuses a wrong %s credential (%s) with the vendor auth-failure shape', async (id, credential, status, matched) => {
    const contract = contractOf(id);
    const probe = contract.cases.find((c) => c.name === contract.probe?.case);
    const answer = await send(id, build(id, probe?.input, { ...testCredentials(contract), [credential]: 'not-the-right-one' }));
    expect(answer).toMatchObject({ status, matched });
  });

  it('answers 401 when the InvoiceXpress api_key is missing', async () => {
    const request = build('invoicexpress/invoices.update', { invoice: { id: '1503699' }, customer: { name: 'A' }, items: [{ name: 'x', unitPrice: '1', quantity: '1', unit: 'unit' }] });
    const answer = await send('invoicexpress/invoices.update', { ...request, url: request.url.replace(/\?.*$/, '') });
    expect(answer.outcome).toBe('auth_failed');
  });

  it('refuses to update a CRM.COM invoice that is not a draft (state guard)', async () => {
    const answer = await send('crmcom/invoices_update', build('crmcom/invoices_update', { invoice: { number: 'I00000583' }, notes: 'x' }));
    expect(answer).toMatchObject({ outcome: 'state_conflict', matched: 'not-draft' });
  });

  it('refuses to change a settled InvoiceXpress invoice, and answers 404 for an unknown one', async () => {
    const input = (id: string) => ({ invoice: { id }, customer: { name: 'Bruce Norris' }, items: [{ name: 'P', unitPrice: '2', quantity: '1', unit: 'unit' }] });
    expect(await send('invoicexpress/invoices.update', build('invoicexpress/invoices.update', input('1503702')))).toMatchObject({ status: 422, outcome: 'state_conflict' });
    expect(await send('invoicexpress/invoices.update', build('invoicexpress/invoices.update', input('424242')))).toMatchObject({ status: 404, outcome: 'not_found' });
  });

  it('replaces all InvoiceXpress items and creates an unknown client, ignoring a known client\'s other fields', async () => {
    const id = 'invoicexpress/invoices.update';
    await send(id, build(id, { invoice: { id: '1503699' }, customer: { name: 'New Client Ltd', email: 'a@b.example' }, items: [{ name: 'A', unitPrice: '1', quantity: '1', unit: 'unit' }, { name: 'B', unitPrice: '1', quantity: '1', unit: 'unit' }] }));
    await send(id, build(id, { invoice: { id: '1503699' }, customer: { name: 'New Client Ltd', email: 'changed@b.example' }, items: [{ name: 'C', unitPrice: '1', quantity: '1', unit: 'unit' }] }));
    const s = await state(id);
    const invoice = s.invoices.find((i) => i.ids['id'] === '1503699');
    expect(invoice?.items.map((i) => i.id)).toEqual(['C']);
    expect(invoice?.client).toBe('New Client Ltd');
    expect(s.clients).toContainEqual(expect.objectContaining({ name: 'New Client Ltd', email: 'a@b.example' }));
  });

  it('enforces the PaidFlag/PaymentComment rule with error 50406', async () => {
    const answer = await send('opsplanning/UpdateInvoicePaymentStatus', build('opsplanning/UpdateInvoicePaymentStatus', { invoice: { number: 'INV00110' }, payment: { paid: false, comment: 'no' } }));
    expect(answer).toMatchObject({ outcome: 'invalid_request', vendorCode: '50406' });
  });

  it('changes InvoiceTimestamp on every update and refuses a stale one (optimistic locking)', async () => {
    const id = 'opsplanning/UpdateInvoicePaymentStatus';
    const stamp = (body: string) => /<InvoiceTimestamp>([^<]*)</.exec(body)?.[1];
    const first = await send(id, build(id, { invoice: { number: 'INV00110' }, payment: { paid: true } }));
    const second = await send(id, build(id, { invoice: { number: 'INV00110' }, payment: { paid: true, lockToken: stamp(first.body) ?? '' } }));
    expect(second.outcome).toBe('ok');
    expect(stamp(second.body)).not.toBe(stamp(first.body));
    const stale = await send(id, build(id, { invoice: { number: 'INV00110' }, payment: { paid: false, lockToken: stamp(first.body) ?? '' } }));
    expect(stale).toMatchObject({ outcome: 'version_conflict', matched: 'stale-timestamp' });
  });

  it('refuses a draft OpsPlanning invoice with 61048 and an unknown one with a documented Fail', async () => {
    const id = 'opsplanning/UpdateInvoicePaymentStatus';
    expect(await send(id, build(id, { invoice: { number: 'INV00111' }, payment: { paid: true } }))).toMatchObject({ outcome: 'state_conflict', vendorCode: '61048' });
    expect(await send(id, build(id, { invoice: { number: 'NOPE' }, payment: { paid: true } }))).toMatchObject({ outcome: 'invalid_request', matched: 'fail' });
  });

  it('applies CRM.COM item-set actions and accumulates notes', async () => {
    const id = 'crmcom/invoices_update';
    const answer = await send(id, build(id, { invoice: { reference: '1013' }, notes: 'first', items: [{ action: 'add', product: { code: 'Widget' }, quantity: 2, unitPrice: 5 }, { action: 'remove', id: '09E3B818BB644A57AD1D19FB95007C64' }] }));
    expect(answer).toMatchObject({ outcome: 'ok', conformant: true });
    await send(id, build(id, { invoice: { reference: '1013' }, notes: 'second' }));
    const invoice = (await state(id)).invoices.find((i) => i.ids['reference'] === '1013');
    expect(invoice?.items.map((i) => i.id)).not.toContain('09E3B818BB644A57AD1D19FB95007C64');
    // The seed is the doc's Example 1 invoice: its Smartcard 1 line stays, the Widget line is added.
    expect(invoice?.items.map((i) => i.id)).toContain('C21B99AA435742EF89B9398C60593DE9');
    expect(invoice?.items).toHaveLength(2);
    // CRM.COM's notes are a log of "<user>\t<d/m/yyyy HH:MM:SS>\t<text>" entries (Examples 1 and 2).
    expect(invoice?.notes).toMatch(/\tto be issued later\tSimulator\t\d{1,2}\/\d{1,2}\/\d{4} \d\d:\d\d:\d\d\tfirst\tSimulator\t\d{1,2}\/\d{1,2}\/\d{4} \d\d:\d\d:\d\d\tsecond$/);
    const missing = await send(id, build(id, { invoice: { reference: '1013' }, items: [{ action: 'remove', id: 'NO-SUCH-LINE' }] }));
    expect(missing.outcome).toBe('invalid_request');
  });

  it('upserts Centra invoices: an unknown id is created', async () => {
    const id = 'centra/invoices_Update';
    expect(await send(id, build(id, { invoice: { id: 'new-77' }, currency: 'EUR' }))).toMatchObject({ outcome: 'ok' });
    expect((await state(id)).invoices.map((i) => i.ids['id'])).toContain('new-77');
  });

  it('answers a request that breaks the contract with a Client fault (wrong SOAPAction)', async () => {
    const id = 'centra/invoices_Update';
    const request = build(id, { invoice: { id: '1001' } });
    const answer = await send(id, { ...request, headers: { ...request.headers, soapaction: '"urn:wrong"' } });
    expect(answer).toMatchObject({ status: 500, matched: 'fault-client' });
    expect(answer.message).toBe('Invalid request at header soapaction.');
  });

  it('answers 429 with a Retry-After after the seeded rate limit, and never logs a query string', async () => {
    const id = 'invoicexpress/invoices.update';
    const request = build(id, { invoice: { id: '1503698' }, customer: { name: 'Bruce Norris' }, items: [{ name: 'P', unitPrice: '2', quantity: '1', unit: 'unit' }] });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await send(id, request)).status);
    expect(statuses).toContain(429);
    const limited = await sendHttp(request);
    expect(limited.ok && limited.exchange.response.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.stringify(log)).not.toContain('api_key');
    expect(new Set(log.map((l) => l.remoteAddress))).toEqual(new Set(['127.0.0.1']));
  });
});
