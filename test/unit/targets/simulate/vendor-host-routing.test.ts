import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAllContracts } from '../../../../src/cli/load-contracts.ts';
import { defaultSeed } from '../../../../src/targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../../../src/targets/simulate/start-simulators.ts';
import type { SimulatorLogLine } from '../../../../src/targets/simulate/serve-simulator.ts';
import { repoPath } from '../../../helpers/paths.ts';

const envelope = (operation: string): string =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><${operation} xmlns="http://eBizCharge.ServiceModel.SOAP"><securityToken><SecurityId>x</SecurityId></securityToken></${operation}></s:Body></s:Envelope>`;

describe("one simulator host per vendor routes each request to the operation it is for", () => {
  const log: SimulatorLogLine[] = [];
  let sims: RunningSimulators;
  let base = '';
  beforeAll(async () => {
    const contracts = (await loadAllContracts([repoPath('contracts')])).filter((l) => l.contract.vendor === 'ebizcharge');
    expect(contracts.map((l) => l.contract.id).sort()).toEqual(['ebizcharge/SearchInvoices', 'ebizcharge/UpdateInvoice']);
    sims = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: defaultSeed(), onRequest: (l) => log.push(l) });
    base = sims.baseUrls['ebizcharge/UpdateInvoice'] ?? '';
    expect(sims.baseUrls['ebizcharge/SearchInvoices']).toBe(base);
  });
  afterAll(() => sims.close());

  const post = (soapAction: string, operation: string): Promise<Response> =>
    fetch(`${base}/eBizService.svc`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapAction }, body: envelope(operation) });

  it.each([
    ['its documented SOAPAction', '"http://eBizCharge.ServiceModel.SOAP/IeBizService/UpdateInvoice"', 'SearchInvoices', 'ebizcharge/UpdateInvoice'],
    ['its SOAPAction unquoted', 'http://eBizCharge.ServiceModel.SOAP/IeBizService/SearchInvoices', 'UpdateInvoice', 'ebizcharge/SearchInvoices'],
    ['its operation element, when the SOAPAction names no operation', 'unquoted', 'UpdateInvoice', 'ebizcharge/UpdateInvoice'],
    ['its operation element, when the SOAPAction names no operation (the other one)', 'unquoted', 'SearchInvoices', 'ebizcharge/SearchInvoices'],
  ])('by %s, and the log line names that contract', async (_how, soapAction, operation, contract) => {
    const before = log.length;
    await (await post(soapAction, operation)).text();
    expect(log.slice(before).map((l) => l.contract)).toEqual([contract]);
  });
});
