import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAllContracts } from '../../../../src/cli/load-contracts.ts';
import { defaultSeed } from '../../../../src/targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../../../src/targets/simulate/start-simulators.ts';
import { sendHttp } from '../../../../src/targets/http-client.ts';
import { createNodeHttpClient } from '../../../../src/targets/live/node-http-client.ts';
import type { HttpRequest } from '../../../../src/model/http.ts';
import type { SendResult } from '../../../../src/types/target.ts';
import { repoPath } from '../../../helpers/paths.ts';

const envelope = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><SearchInvoices xmlns="http://eBizCharge.ServiceModel.SOAP"><securityToken><SecurityId>x</SecurityId></securityToken></SearchInvoices></s:Body></s:Envelope>';

describe('a simulator keeps its connection open between requests', () => {
  let sims: RunningSimulators;
  let base = '';
  beforeAll(async () => {
    const contracts = (await loadAllContracts([repoPath('contracts')])).filter((l) => l.contract.vendor === 'ebizcharge');
    sims = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: defaultSeed() });
    base = sims.baseUrls['ebizcharge/SearchInvoices'] ?? '';
  });
  afterAll(() => sims.close());

  // fetch (undici) and node:http's agent both close a kept-alive socket at once when the server's Keep-Alive
  // timeout is 1 s or less (their 1 s safety margin leaves nothing), so each request paid a new TCP connection.
  const live = createNodeHttpClient();
  afterAll(() => live.close());
  it.each<[string, (request: HttpRequest) => Promise<SendResult>]>([
    ['fetch (replay’s sendHttp)', (request) => sendHttp(request)],
    ['the live and simulate targets’ client', (request) => live.send(request)],
  ])('so that ten requests in a row from %s reuse their TCP connections', async (_client, send) => {
    const sockets: unknown[] = [];
    const onSocket = (message: unknown): void => void sockets.push(message);
    subscribe('net.client.socket', onSocket);
    try {
      for (let i = 0; i < 10; i++) {
        const result = await send({ method: 'POST', url: `${base}/eBizService.svc`, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://eBizCharge.ServiceModel.SOAP/IeBizService/SearchInvoices"' }, body: envelope });
        expect(result.ok).toBe(true);
      }
    } finally {
      unsubscribe('net.client.socket', onSocket);
    }
    // fetch may open a second connection while the first still finishes its answer; never one per request.
    expect(sockets.length).toBeLessThanOrEqual(2);
  });
});
