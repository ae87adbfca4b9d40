import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest, checkExchange, classifyResponse, loadContracts, SuiteError, type Contract } from '../../src/index.ts';
import { OUTCOMES } from '../../src/model/outcome.ts';
import { repoPath } from '../helpers/paths.ts';

let contracts: Contract[] = [];
const byId = (id: string): Contract => {
  const c = contracts.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no contract ${id}`);
  return c;
};

/** The response of a shipped recording, as a caller would have it. */
async function recordedResponse(path: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const har = JSON.parse(await readFile(repoPath('recordings', path), 'utf8')) as { log: { entries: Array<{ response: { status: number; headers: Array<{ name: string; value: string }>; content: { text?: string } } }> } };
  const r = har.log.entries[0]?.response;
  if (r === undefined) throw new Error(`${path} has no entry`);
  return { status: r.status, headers: Object.fromEntries(r.headers.map((h) => [h.name, h.value])), body: r.content.text ?? '' };
}

beforeAll(async () => {
  contracts = await loadContracts();
});

describe('the library API (src/index.ts)', () => {
  it('loads the shipped contracts by default, and a folder when given', async () => {
    expect(contracts.map((c) => c.id)).toEqual(expect.arrayContaining(['centra/invoices_Update', 'crmcom/invoices_update', 'ebizcharge/UpdateInvoice', 'invoicexpress/invoices.update', 'opsplanning/UpdateInvoicePaymentStatus']));
    expect((await loadContracts({ paths: [repoPath('contracts/centra')] })).map((c) => c.id)).toEqual(['centra/invoices_Update']);
    await expect(loadContracts({ paths: [repoPath('test/fixtures/har')] })).rejects.toBeInstanceOf(SuiteError);
  });

  it('builds the request for a canonical update and names a missing required value', () => {
    const ixp = byId('invoicexpress/invoices.update');
    const built = buildRequest(ixp, { invoice: { id: '42' }, issueDate: '2024-04-25', customer: { name: 'Ada' }, items: [{ name: 'Widget', quantity: 2, unitPrice: '50.00', unit: 'unit' }] }, { baseUrl: 'https://acme.app.invoicexpress.com', credentials: { apiKey: 'key-0123456789' } });
    expect(built.request.method).toBe('PUT');
    expect(built.request.url).toBe('https://acme.app.invoicexpress.com/invoices/42.xml?api_key=key-0123456789');
    expect(built.request.body).toContain('<date>25/04/2024</date>');
    expect(built.violations).toEqual([]);
    expect(buildRequest(ixp, {}).violations.map((v) => v.path)).toEqual(expect.arrayContaining(['/path/invoice-id', '/client']));
  });

  it('classifies a response with header names in any case, keeping the vendor message as sent', async () => {
    const parsed = classifyResponse(byId('ebizcharge/UpdateInvoice'), await recordedResponse('ebizcharge/UpdateInvoice/update-not-found.har'));
    expect(parsed).toMatchObject({ outcome: 'not_found', vendorCode: '1', message: 'Not Found ', conformant: true });
    expect(OUTCOMES).toContain(parsed.outcome);
  });

  it('checks an exchange the caller built: conformant, with the outcome a parser must conclude', async () => {
    const ebiz = byId('ebizcharge/UpdateInvoice');
    const input = ebiz.cases.find((c) => c.name === 'update-ok-csharp-example')?.input ?? {};
    const request = buildRequest(ebiz, input, { baseUrl: 'https://soap.ebizcharge.net', credentials: { securityId: 'sid-123456', userId: 'merchant1', password: 'pw-123456' } }).request;
    const response = await recordedResponse('ebizcharge/UpdateInvoice/update-ok.har');
    const result = await checkExchange(ebiz, { request, response });
    expect(result).toMatchObject({ contract: 'ebizcharge/UpdateInvoice', conformant: true, outcome: { status: 200, outcome: 'ok' } });
  });

  it('infers the contract from a list and reports every violation with the check that found it', async () => {
    const ebiz = byId('ebizcharge/UpdateInvoice');
    const input = ebiz.cases.find((c) => c.name === 'update-ok-csharp-example')?.input ?? {};
    const built = buildRequest(ebiz, input, { baseUrl: 'https://soap.ebizcharge.net', credentials: { securityId: 'sid-123456', userId: 'merchant1', password: 'pw-123456' } }).request;
    const request = { ...built, headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: 'UpdateInvoice' }, body: built.body.replace('xmlns:ebiz="http://eBizCharge.ServiceModel.SOAP"', 'xmlns:ebiz="http://eBizCharge.ServiceModel.SOAP/"') };
    const result = await checkExchange(contracts, { request, response: await recordedResponse('ebizcharge/UpdateInvoice/update-ok.har') });
    expect(result.contract).toBe('ebizcharge/UpdateInvoice');
    expect(result.conformant).toBe(false);
    expect(result.violations.filter((v) => v.severity === 'error').map((v) => `${v.check} ${v.rule}`)).toEqual(['request.soap-action soapaction', 'request.namespaces namespace']);
  });

  it('throws a SuiteError when no contract is meant for the request', async () => {
    await expect(checkExchange(contracts, { request: { method: 'GET', url: 'https://example.com/' }, response: { status: 200 } })).rejects.toThrow(/No contract is meant for GET \//);
  });
});
