import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAllContracts } from '../../../../src/cli/load-contracts.ts';
import { buildRequest } from '../../../../src/protocols/build-request.ts';
import { classifyResponse } from '../../../../src/protocols/classify-response.ts';
import { sendHttp } from '../../../../src/targets/http-client.ts';
import { defaultSeed } from '../../../../src/targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../../../src/targets/simulate/start-simulators.ts';
import { testCredentials } from '../../../../src/targets/simulate/test-credentials.ts';
import type { Contract } from '../../../../src/types/contract.ts';
import { repoPath } from '../../../helpers/paths.ts';

describe('POST /__simulator/state', () => {
  let sims: RunningSimulators;
  let contract: Contract;
  let base: string;

  beforeAll(async () => {
    const contracts = (await loadAllContracts([repoPath('contracts')])).filter((l) => l.contract.vendor === 'opsplanning');
    sims = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: defaultSeed() });
    contract = contracts[0]?.contract as Contract;
    base = sims.baseUrls[contract.id] ?? '';
  });

  afterAll(async () => {
    await sims.close();
  });

  const post = (body: string) => fetch(`${base}/__simulator/state`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const outcomeFor = async (number: string) => {
    const request = buildRequest(contract, { invoice: { number }, payment: { paid: true } }, { baseUrl: base, credentials: testCredentials(contract) }).request;
    const sent = await sendHttp(request, { timeoutMs: 5000 });
    if (!sent.ok) throw new Error('the simulator did not answer');
    return classifyResponse(contract, sent.exchange.response).outcome;
  };

  it('replaces the store with the posted invoices, which the next request then sees', async () => {
    expect(await outcomeFor('INV-NEW')).toBe('invalid_request');
    const res = await post(JSON.stringify({ invoices: [{ number: 'INV-NEW', state: 'issued', token: 'AAAAAAAAAAE=' }] }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('INV-NEW');
    expect(await outcomeFor('INV-NEW')).toBe('ok');
    expect(await outcomeFor('INV00110')).toBe('invalid_request');
  });

  it('sets an invoice in another state, which the state guard then refuses', async () => {
    expect((await post(JSON.stringify({ invoices: [{ number: 'INV-NEW', state: 'draft' }] }))).status).toBe(200);
    expect(await outcomeFor('INV-NEW')).toBe('state_conflict');
  });

  it('refuses a body that is not JSON or not a vendor seed, and keeps the store', async () => {
    const notJson = await post('{');
    expect(notJson.status).toBe(400);
    const wrong = await post(JSON.stringify({ invoices: [{ number: 7 }], other: true }));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/invoices\/0\/number|additional/);
    expect(await outcomeFor('INV-NEW')).toBe('state_conflict');
  });
});
