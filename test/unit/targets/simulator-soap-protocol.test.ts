import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../../src/types/contract.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import { sendHttp } from '../../../src/targets/http-client.ts';
import { defaultSeed } from '../../../src/targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../../src/targets/simulate/start-simulators.ts';
import { testCredentials } from '../../../src/targets/simulate/test-credentials.ts';
import { repoPath } from '../../helpers/paths.ts';

const EBIZ = 'ebizcharge/UpdateInvoice';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
// The doc's PHP example, which the seeded store holds (invoice 123).
const PHP_EXAMPLE = {
  customer: { id: '1' },
  invoice: { number: '123' },
  issueDate: '2020-05-13',
  dueDate: '2020-05-13',
  currency: 'USD',
  purchaseOrder: 'Po001',
  description: 'testing',
  totals: { total: 200, amountDue: 200, tax: 0, discount: 0, shipping: 0 },
  notify: { customer: false, email: false, print: false },
};

describe('SOAP protocol errors against the simulators over real HTTP', () => {
  let contracts: LoadedContract[];
  let sims: RunningSimulators;

  beforeAll(async () => {
    contracts = await loadAllContracts([repoPath('contracts')]);
    sims = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: defaultSeed() });
  });
  afterAll(async () => {
    await sims.close();
  });

  const built = (id = EBIZ, input: unknown = PHP_EXAMPLE): HttpRequest => {
    const contract = contracts.find((l) => l.contract.id === id)?.contract;
    if (contract === undefined) throw new Error(id);
    return buildRequest(contract, input, { baseUrl: sims.baseUrls[id] ?? '', credentials: testCredentials(contract) }).request;
  };
  const send = async (request: HttpRequest): Promise<{ status: number; contentType: string; body: string; faultcode?: string; faultstring?: string }> => {
    const result = await sendHttp(request, { timeoutMs: 5000 });
    if (!result.ok) throw new Error(result.problem);
    const { status, headers, body } = result.exchange.response;
    const code = /<faultcode>([^<]*)<\/faultcode>/.exec(body)?.[1];
    const text = /<faultstring[^>]*>([^<]*)<\/faultstring>/.exec(body)?.[1];
    return { status, contentType: headers['content-type'] ?? '', body, ...(code === undefined ? {} : { faultcode: code }), ...(text === undefined ? {} : { faultstring: text }) };
  };

  it('answers the request in documented order with the documented success', async () => {
    const answer = await send(built());
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<Status>Success</Status>');
  });

  it('refuses an EBizCharge request whose elements are out of the WSDL order with its Client fault', async () => {
    const request = built();
    const poNum = /\s*<ebiz:PoNum>Po001<\/ebiz:PoNum>/.exec(request.body)?.[0] ?? '';
    expect(poNum).not.toBe('');
    const body = request.body.replace(poNum, '').replace('<ebiz:invoice>', `<ebiz:invoice>${poNum}`);
    const answer = await send({ ...request, body });
    expect(answer).toMatchObject({ status: 500, faultcode: 's:Client' });
  });

  it('answers a SOAP 1.2 envelope with a SOAP 1.1 VersionMismatch fault', async () => {
    for (const id of [EBIZ, 'centra/invoices_Update', 'opsplanning/UpdateInvoicePaymentStatus']) {
      const input = id === EBIZ ? PHP_EXAMPLE : id === 'centra/invoices_Update' ? { invoice: { id: '1001' } } : { invoice: { number: 'INV00110' }, payment: { paid: true } };
      const request = built(id, input);
      const answer = await send({ ...request, body: request.body.replace(SOAP11, SOAP12) });
      expect({ id, status: answer.status, faultcode: answer.faultcode }).toEqual({ id, status: 500, faultcode: 's:VersionMismatch' });
      expect(parseXml(answer.body, { forbidProcessingInstructions: true }).ok).toBe(true);
    }
  });

  it('answers a SOAP 1.2 content type with 415, as WCF does', async () => {
    const request = built();
    const answer = await send({ ...request, headers: { ...request.headers, 'content-type': 'application/soap+xml; charset=utf-8' } });
    expect(answer.status).toBe(415);
    expect(answer.body).toContain("the content type 'application/soap+xml; charset=utf-8' was not the expected type");
  });

  it('answers an undeclared header block with mustUnderstand="1" with a MustUnderstand fault, and accepts one without it', async () => {
    const request = built();
    expect(request.body).toContain('<soapenv:Body>');
    const header = (flag: string): string => `<soapenv:Header><wsse:Security xmlns:wsse="urn:example:wsse"${flag}/></soapenv:Header><soapenv:Body>`;
    const refused = await send({ ...request, body: request.body.replace('<soapenv:Body>', header(' soapenv:mustUnderstand="1"')) });
    expect(refused).toMatchObject({ status: 500, faultcode: 's:MustUnderstand', faultstring: 'SOAP header Security was not understood.' });
    const accepted = await send({ ...request, body: request.body.replace('<soapenv:Body>', header('')) });
    expect(accepted.status).toBe(200);
  });

  it('accepts OpsPlanning\'s declared header block even when marked mustUnderstand="1"', async () => {
    const request = built('opsplanning/UpdateInvoicePaymentStatus', { invoice: { number: 'INV00110' }, payment: { paid: false } });
    expect(request.body).toContain('<data:OpsAuthenticationHeader>');
    const answer = await send({ ...request, body: request.body.replace('<data:OpsAuthenticationHeader>', '<data:OpsAuthenticationHeader soapenv:mustUnderstand="1">') });
    expect(answer.status).toBe(200);
  });
});
