import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { runProbes } from '../../../src/probe/run-probes.ts';
import type { ProbeResult } from '../../../src/probe/probe-result.ts';
import { createLiveTarget } from '../../../src/targets/live.ts';
import { defaultSeed } from '../../../src/targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../../src/targets/simulate/start-simulators.ts';
import { testCredentials } from '../../../src/targets/simulate/test-credentials.ts';
import { repoPath } from '../../helpers/paths.ts';
import { startStandIn, type CannedAnswer, type StandInServer } from '../../helpers/stand-in-server.ts';

const fixture = (name: string): string => readFileSync(repoPath('test/fixtures/probe', name), 'utf8');
const TEXT_XML = 'text/xml; charset=utf-8';

// Each vendor refusing every credential in a shape its material makes plausible, and what wrong base URLs reach.
const ANSWERS: Record<string, CannedAnswer> = {
  'centra-login-failed': { status: 200, contentType: TEXT_XML, body: fixture('centra-login-failed.xml') },
  'crmcom-generic-error': { status: 200, contentType: 'application/json', body: fixture('crmcom-generic-error.json') },
  'crmcom-generic-error-500': { status: 500, contentType: 'application/json', body: fixture('crmcom-generic-error.json') },
  'ebizcharge-merchant-not-found': { status: 500, contentType: TEXT_XML, body: fixture('ebizcharge-merchant-not-found.xml') },
  'opsplanning-invalid-login': { status: 200, contentType: TEXT_XML, body: fixture('opsplanning-invalid-login.xml') },
  'html-404': { status: 404, contentType: 'text/html; charset=utf-8', body: fixture('html-404.html') },
  'html-200': { status: 200, contentType: 'text/html; charset=utf-8', body: fixture('html-200.html') },
  // The right success bodies, in a content type the vendor does not answer them in.
  'crmcom-token-as-text': { status: 200, contentType: 'text/plain', body: fixture('crmcom-token-issued.json') },
  'invoicexpress-list-as-html': { status: 200, contentType: 'text/html', body: fixture('invoicexpress-list-empty.xml') },
  'invoicexpress-list-without-type': { status: 200, body: fixture('invoicexpress-list-empty.xml') },
  'opsplanning-50406-as-soap12': { status: 200, contentType: 'application/soap+xml; charset=utf-8', body: recordedBody('opsplanning/UpdateInvoicePaymentStatus/probe-refused-update.har') },
  // The right bodies in the right type: the proof.
  'crmcom-token-issued': { status: 200, contentType: 'application/json', body: fixture('crmcom-token-issued.json') },
  'invoicexpress-list-empty': { status: 200, contentType: 'application/xml; charset=utf-8', body: fixture('invoicexpress-list-empty.xml') },
};

function recordedBody(path: string): string {
  const har = JSON.parse(readFileSync(repoPath('recordings', path), 'utf8')) as { log: { entries: { response: { content: { text: string } } }[] } };
  return har.log.entries[0]?.response.content.text ?? '';
}

describe('the probe against loopback stand-ins that refuse every credential, and against wrong base URLs', () => {
  let contracts: Contract[];
  let server: StandInServer;
  let sims: RunningSimulators;

  beforeAll(async () => {
    const loaded = await loadAllContracts([repoPath('contracts')]);
    contracts = loaded.map((l) => l.contract).filter((c) => c.probe !== undefined);
    server = await startStandIn(ANSWERS);
    sims = await startSimulators({ contracts: loaded, recordingsDir: repoPath('recordings'), seed: defaultSeed() });
  });
  afterAll(async () => {
    await server.close();
    await sims.close();
  });

  const probe = async (id: string, baseUrl: string): Promise<ProbeResult> => {
    const contract = contracts.find((c) => c.id === id);
    if (contract === undefined) throw new Error(`no probe contract ${id}`);
    const target = createLiveTarget({ baseUrls: { [id]: baseUrl }, timeoutMs: 5000 });
    try {
      const [result] = await runProbes({ contracts: [contract], target, credentials: testCredentials, secrets: [] });
      if (result === undefined) throw new Error('no result');
      return result;
    } finally {
      await target.close();
    }
  };

  it('probes exactly one contract per vendor, each naming documented responses as its proof', () => {
    expect(contracts.map((c) => c.id).sort()).toEqual(['centra/invoices_Update', 'crmcom/authentication_token', 'ebizcharge/SearchInvoices', 'invoicexpress/invoices.list', 'opsplanning/UpdateInvoicePaymentStatus']);
    for (const c of contracts) for (const proof of c.probe?.valid ?? []) expect(c.responses.map((r) => r.name)).toContain(proof.response);
  });

  it.each([
    ['centra/invoices_Update', 'centra-login-failed', 'inconclusive', 'result-failure'],
    ['crmcom/authentication_token', 'crmcom-generic-error', 'rejected', 'login-refused'],
    ['crmcom/authentication_token', 'crmcom-generic-error-500', 'rejected', 'login-refused'],
    ['ebizcharge/SearchInvoices', 'ebizcharge-merchant-not-found', 'inconclusive', 'fault-not-found'],
    ['opsplanning/UpdateInvoicePaymentStatus', 'opsplanning-invalid-login', 'inconclusive', 'fail'],
    ['invoicexpress/invoices.list', 'html-404', 'inconclusive', 'not-found'],
  ])('does not call %s valid when the vendor refuses the credentials with %s', async (id, answer, verdict, response) => {
    const result = await probe(id, server.baseUrl(answer));
    expect(result.verdict).toBe(verdict);
    expect(result.evidence.response).toBe(response);
    if (verdict === 'inconclusive') expect(result.evidence.proof).toBe(contracts.find((c) => c.id === id)?.probe?.proof);
  });

  it('names what would have proved acceptance in an inconclusive verdict', async () => {
    const result = await probe('opsplanning/UpdateInvoicePaymentStatus', server.baseUrl('opsplanning-invalid-login'));
    expect(result.evidence.vendorCode).toBe('InvalidLogin');
    expect(result.evidence.problem).toContain('Documented proof: "comment-when-unpaid" with code 50406');
  });

  it.each(['html-404', 'html-200'])('never calls a wrong base URL answering %s valid, for any vendor', async (answer) => {
    for (const c of contracts) {
      const result = await probe(c.id, server.baseUrl(answer));
      expect([c.id, result.verdict]).not.toEqual([c.id, 'valid']);
      expect(['unexpected', 'inconclusive']).toContain(result.verdict);
    }
  });

  it('never calls another vendor, a wrong path or an unused port valid', async () => {
    const order = contracts.map((c) => c.id);
    for (const [i, id] of order.entries()) {
      const other = order[(i + 1) % order.length] ?? '';
      const own = sims.baseUrls[id] ?? '';
      for (const baseUrl of [sims.baseUrls[other] ?? '', `${own}/wrong/path`, 'http://127.0.0.1:9']) {
        const result = await probe(id, baseUrl);
        expect({ id, baseUrl, verdict: result.verdict }).not.toMatchObject({ verdict: 'valid' });
      }
    }
  });

  it.each([
    ['crmcom/authentication_token', 'crmcom-token-as-text'],
    ['invoicexpress/invoices.list', 'invoicexpress-list-as-html'],
    ['invoicexpress/invoices.list', 'invoicexpress-list-without-type'],
    ['opsplanning/UpdateInvoicePaymentStatus', 'opsplanning-50406-as-soap12'],
  ])('calls %s unexpected when the proof comes in a content type the contract does not answer in (%s)', async (id, answer) => {
    const result = await probe(id, server.baseUrl(answer));
    expect(result.verdict).toBe('unexpected');
    expect(result.evidence.problem).toMatch(/^Received: Content-Type .* \/ Documented: /);
  });

  it.each([
    ['crmcom/authentication_token', 'crmcom-token-issued'],
    ['invoicexpress/invoices.list', 'invoicexpress-list-empty'],
  ])('calls %s valid on its documented proof in the right content type (%s)', async (id, answer) => {
    expect((await probe(id, server.baseUrl(answer))).verdict).toBe('valid');
  });

  it('calls every vendor valid against its simulator with the simulator credentials', async () => {
    for (const c of contracts) expect([c.id, (await probe(c.id, sims.baseUrls[c.id] ?? '')).verdict]).toEqual([c.id, 'valid']);
  });
});
