import { describe, expect, it } from 'vitest';
import { loadAllContracts } from '../../../../src/cli/load-contracts.ts';
import { buildRequest } from '../../../../src/protocols/build-request.ts';
import { openTarget } from '../../../../src/targets/open-target.ts';
import { defaultSeed, type Seed } from '../../../../src/targets/simulate/load-seed.ts';
import type { LoadedContract } from '../../../../src/types/contract.ts';
import { repoPath } from '../../../helpers/paths.ts';

const UPDATE = 'invoicexpress/invoices.update';

async function invoicexpress(): Promise<LoadedContract[]> {
  return (await loadAllContracts([repoPath('contracts')])).filter((l) => l.contract.vendor === 'invoicexpress');
}

/** The simulate target over InvoiceXpress's simulators, one request at a time, and a way to send one of the update contract's cases. */
async function simulate(seed: Seed, runTimeoutMs = 20_000) {
  const contracts = await invoicexpress();
  const opened = await openTarget({ target: 'simulate', contracts, env: {}, recordingsDir: repoPath('recordings'), seed, concurrency: 1, runTimeoutMs });
  const contract = contracts.find((l) => l.contract.id === UPDATE)?.contract;
  if (contract === undefined) throw new Error(`no ${UPDATE}`);
  const send = (caseName: string) => {
    const input = contract.cases.find((c) => c.name === caseName)?.input;
    const { request } = buildRequest(contract, input, { baseUrl: opened.target.baseUrl(UPDATE), credentials: opened.credentials(contract) });
    return opened.target.send(request);
  };
  return { send, close: () => opened.target.close() };
}

describe('run --target simulate after a 429 from the simulators', () => {
  it('sends the next request at once after the scripted rate-limited answer, which gives no Retry-After and has no limit behind it', async () => {
    const sim = await simulate(defaultSeed());
    try {
      const limited = await sim.send('rate-limited');
      expect(limited.ok && limited.exchange.response.status).toBe(429);
      expect(limited.ok && limited.exchange.response.headers['retry-after']).toBeUndefined();
      const started = Date.now();
      const next = await sim.send('update-ok');
      expect(next.ok && next.exchange.response.status).toBe(200);
      // A live vendor's 429 without Retry-After holds the next request for 1 s (test/unit/targets/live-retry-after.test.ts).
      expect(Date.now() - started).toBeLessThan(900);
    } finally {
      await sim.close();
    }
  });

  it('still honours the Retry-After of the simulator’s own rate limit: past the run deadline, nothing more is sent', async () => {
    const seed: Seed = { ...defaultSeed(), invoicexpress: { ...defaultSeed()['invoicexpress'], rateLimitPerMinute: 1 } };
    const sim = await simulate(seed, 10_000);
    try {
      expect((await sim.send('update-ok')).ok).toBe(true);
      const limited = await sim.send('update-ok');
      expect(limited.ok && limited.exchange.response.status).toBe(429);
      expect(limited.ok && limited.exchange.response.headers['retry-after']).toMatch(/^\d+$/);
      const held = await sim.send('update-ok');
      expect(held).toMatchObject({ ok: false, kind: 'timeout' });
      expect(!held.ok && held.problem).toMatch(/asked to wait \d+ s \(Retry-After\), past the run deadline of 10000 ms/);
    } finally {
      await sim.close();
    }
  });
});
