import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { matchContract } from '../../../src/check/match-contract.ts';
import { requestIdentity } from '../../../src/check/request-identity.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { exampleCredentials } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

let contracts: Contract[] = [];
const byId = (id: string): Contract => {
  const c = contracts.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no contract ${id}`);
  return c;
};
/** The request the contract builds for its first case, sent to another host (as a team's capture would hold it). */
const built = (id: string): HttpRequest => {
  const c = byId(id);
  const request = buildRequest(c, c.cases[0]?.input ?? {}, { baseUrl: 'https://api.vendor.example', credentials: exampleCredentials(c) }).request;
  return request;
};
const match = (request: HttpRequest) => matchContract(contracts, requestIdentity(request));

beforeAll(async () => {
  contracts = (await loadAllContracts([repoPath('contracts')])).map((l) => l.contract);
});

describe('matchContract', () => {
  it.each(['centra/invoices_Update', 'ebizcharge/UpdateInvoice', 'crmcom/invoices_update', 'invoicexpress/invoices.update', 'opsplanning/UpdateInvoicePaymentStatus'])('matches the request %s builds exactly, on any host', (id) => {
    expect(match(built(id))).toMatchObject({ contract: { id }, how: 'exact', differences: [] });
  });

  it('ties a trailing-slash namespace URI to the nearest contract and says what differs', () => {
    const r = built('ebizcharge/UpdateInvoice');
    const m = match({ ...r, body: r.body.replace('xmlns:ebiz="http://eBizCharge.ServiceModel.SOAP"', 'xmlns:ebiz="http://eBizCharge.ServiceModel.SOAP/"') });
    expect(m?.contract.id).toBe('ebizcharge/UpdateInvoice');
    expect(m?.how).toBe('nearest');
    expect(m?.differences).toEqual(['operation element: Received: {http://eBizCharge.ServiceModel.SOAP/}UpdateInvoice / Documented: {http://eBizCharge.ServiceModel.SOAP}UpdateInvoice']);
  });

  it('ties a wrong or unquoted SOAPAction to the contract whose operation element the body carries', () => {
    const r = built('centra/invoices_Update');
    const m = match({ ...r, headers: { ...r.headers, soapaction: 'urn:something-else' } });
    expect(m).toMatchObject({ contract: { id: 'centra/invoices_Update' }, how: 'nearest' });
    expect(m?.differences[0]).toMatch(/^SOAPAction: Received: "urn:something-else"/);
  });

  it('ties a SOAP 1.2 envelope to its operation contract', () => {
    const r = built('opsplanning/UpdateInvoicePaymentStatus');
    const m = match({ ...r, body: r.body.replace('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope') });
    expect(m?.contract.id).toBe('opsplanning/UpdateInvoicePaymentStatus');
    expect(m?.differences.some((d) => d.startsWith('envelope: Received: {http://www.w3.org/2003/05/soap-envelope}Envelope'))).toBe(true);
  });

  it('ties a request served under a path prefix to its contract, noting the prefix', () => {
    const r = built('crmcom/invoices_update');
    const m = match({ ...r, url: 'https://gateway.example/proxy/crm/crmapi/rest/v2/invoices/update' });
    expect(m).toMatchObject({ contract: { id: 'crmcom/invoices_update' }, how: 'nearest' });
  });

  it('leaves other operations at the same endpoint and other hosts unmatched', () => {
    const soap = built('ebizcharge/UpdateInvoice');
    const other = soap.body.replace(/UpdateInvoice>/g, 'GetInvoice>').replace('<ebiz:UpdateInvoice', '<ebiz:GetInvoice');
    expect(match({ ...soap, body: other, headers: { ...soap.headers, soapaction: '"http://eBizCharge.ServiceModel.SOAP/IeBizService/GetInvoice"' } })).toBeUndefined();
    expect(match({ method: 'GET', url: 'https://acme.app.invoicexpress.com/invoices/1.xml', headers: {}, body: '' })).toBeUndefined();
    expect(match({ method: 'GET', url: 'https://fonts.googleapis.com/css2?family=Inter', headers: {}, body: '' })).toBeUndefined();
  });
});
