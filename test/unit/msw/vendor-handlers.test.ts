import { readFile } from 'node:fs/promises';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vendorHandlers } from '../../../src/msw/index.ts';
import { repoPath } from '../../helpers/paths.ts';
import { createSampleClient, SAMPLE_INVOICE, type SampleClientOptions } from '../../fixtures/sample-integration/index.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BASE = 'https://ebiz.example.test/soap';
const options = (mistakes: boolean): SampleClientOptions => ({
  mistakes,
  baseUrls: { ebizcharge: BASE, invoicexpress: 'https://ix.example.test', crmcom: 'https://crm.example.test' },
  credentials: { ebizcharge: { securityId: 'team-id', userId: 'u', password: 'team-pass' }, invoicexpress: { apiKey: 'k' }, crmcom: { token: 't' } },
});

describe('vendorHandlers options', () => {
  it('intercept the base URLs and accept the credentials they are given, with a path prefix', async () => {
    const mocks = await vendorHandlers({ vendors: ['ebizcharge'], baseUrls: { ebizcharge: BASE }, credentials: { ebizcharge: { securityId: 'team-id', userId: 'u', password: 'team-pass' } } });
    server.resetHandlers(...mocks.handlers);
    expect((await createSampleClient(options(false)).ebizchargeUpdateInvoice(SAMPLE_INVOICE)).outcome).toBe('ok');
    mocks.assertConformant();
  });

  it('answer wrong credentials with the vendor-shaped refusal, and keep the request conformant in shape', async () => {
    const mocks = await vendorHandlers({ vendors: ['ebizcharge'], baseUrls: { ebizcharge: BASE } });
    server.resetHandlers(...mocks.handlers);
    const answer = await createSampleClient(options(false)).ebizchargeUpdateInvoice(SAMPLE_INVOICE);
    expect(answer.outcome).toBe('invalid_request');
    expect(answer.message).toMatch(/Authentication failed/);
    expect(JSON.stringify(mocks.requests())).not.toContain('team-pass');
  });

  it("with onViolation 'throw', fail the request itself with the violations as a 500", async () => {
    const mocks = await vendorHandlers({ vendors: ['ebizcharge'], baseUrls: { ebizcharge: BASE }, onViolation: 'throw', credentials: { ebizcharge: { securityId: 'team-id', userId: 'u', password: 'team-pass' } } });
    server.resetHandlers(...mocks.handlers);
    const c = options(true).credentials.ebizcharge;
    const res = await fetch(`${BASE}/eBizService.svc`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'unquoted' }, body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><UpdateInvoice xmlns="http://eBizCharge.ServiceModel.SOAP"><securityToken><SecurityId>${c.securityId}</SecurityId></securityToken></UpdateInvoice></s:Body></s:Envelope>` });
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/request\.soap-action/);
    expect(mocks.violations()).toHaveLength(1);
  });

  it.each([
    ['collect', 200],
    ['respond', 400],
  ] as const)("with onViolation '%s', answer a request the simulator accepts but the rules reject with status %i", async (onViolation, status) => {
    // The doc's own Example Request is answered Success by EBizCharge, yet its empty BillingAddress and ShippingAddress
    // break rule unused-objects-removed (a failure; the example's line total 200.25 for 20.25 x 10 is only a warning now,
    // as EBizCharge's stack accepts it).
    const har = JSON.parse(await readFile(repoPath('recordings/ebizcharge/UpdateInvoice/update-ok.har'), 'utf8')) as { log: { entries: { request: { headers: { name: string; value: string }[]; postData: { text: string } } }[] } };
    const recorded = har.log.entries[0]?.request;
    const mocks = await vendorHandlers({ vendors: ['ebizcharge'], baseUrls: { ebizcharge: BASE }, onViolation });
    server.resetHandlers(...mocks.handlers);
    const body = (recorded?.postData.text ?? '').replace(/\[redacted\]/g, (_m, offset: number, all: string) => (all.slice(0, offset).endsWith('<ebiz:SecurityId>') ? 'sim-security-id' : 'sim-password')).replace('<ebiz:UserId>merchant1<', '<ebiz:UserId>sim-user<');
    const res = await fetch(`${BASE}/eBizService.svc`, { method: 'POST', headers: Object.fromEntries((recorded?.headers ?? []).map((h) => [h.name, h.value])), body });
    expect(res.status).toBe(status);
    if (status === 400) expect(await res.text()).toMatch(/unused-objects-removed/);
    expect(mocks.violations()).toHaveLength(1);
  });

  it.each([
    [false, 'ok', false],
    [true, 'invalid_request', true],
  ] as const)('with strict: %s, an unquoted SOAPAction (accepted by the WCF stack) is answered %s, and fails the test only when strict', async (strict, outcome, fails) => {
    const mocks = await vendorHandlers({ vendors: ['ebizcharge'], baseUrls: { ebizcharge: BASE }, strict, credentials: { ebizcharge: { securityId: 'team-id', userId: 'u', password: 'team-pass' } } });
    server.resetHandlers(...mocks.handlers);
    const original = globalThis.fetch;
    // The fixed integration, with only its SOAPAction's quotes taken off on the way out.
    globalThis.fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('soapaction', (headers.get('soapaction') ?? '').replace(/^"|"$/g, ''));
      return original(input, { ...init, headers });
    };
    try {
      const answer = await createSampleClient(options(false)).ebizchargeUpdateInvoice(SAMPLE_INVOICE);
      expect(answer.outcome === 'ok').toBe(outcome === 'ok');
    } finally {
      globalThis.fetch = original;
    }
    const [received] = mocks.requests();
    expect(received?.exchange.request.headers['soapaction']).toBe('http://eBizCharge.ServiceModel.SOAP/IeBizService/UpdateInvoice');
    expect(mocks.violations()).toHaveLength(fails ? 1 : 0);
    if (fails) expect(() => mocks.assertConformant()).toThrow(/✗ request\.soap-action/);
    else expect(() => mocks.assertConformant()).not.toThrow();
  });

  it('with variants: true, answer in a different legal serialization each time, which the fixed parser still reads', async () => {
    const mocks = await vendorHandlers({ vendors: ['ebizcharge'], baseUrls: { ebizcharge: BASE }, variants: true, credentials: { ebizcharge: { securityId: 'team-id', userId: 'u', password: 'team-pass' } } });
    const seen = new Set<string>();
    server.resetHandlers(...mocks.handlers);
    server.events.on('response:mocked', ({ response }) => void seen.add(response.headers.get('x-conformance-variant') ?? 'none'));
    const client = createSampleClient(options(false));
    for (let i = 0; i < 6; i++) expect((await client.ebizchargeUpdateInvoice(SAMPLE_INVOICE)).outcome).toBe('ok');
    server.events.removeAllListeners();
    expect(seen.size).toBe(6);
    mocks.assertConformant();
  });

  it('reset() puts the simulators back to their seed', async () => {
    const mocks = await vendorHandlers({ vendors: ['crmcom'], baseUrls: { crmcom: 'https://crm.example.test' }, credentials: { crmcom: { token: 't' } } });
    server.resetHandlers(...mocks.handlers);
    const client = createSampleClient(options(false));
    await client.crmcomUpdate('1013', SAMPLE_INVOICE);
    // CRM.COM stamps each notes entry with the time to the second: compare with the stamps masked.
    const lastBody = (): string => JSON.stringify(mocks.requests().at(-1)?.exchange.response.body).replace(/\d{1,2}\/\d{1,2}\/\d{4} \d{2}:\d{2}:\d{2}/g, '<stamp>');
    const notesAfterOne = lastBody();
    mocks.reset();
    await client.crmcomUpdate('1013', SAMPLE_INVOICE);
    expect(lastBody()).toBe(notesAfterOne);
    await client.crmcomUpdate('1013', SAMPLE_INVOICE);
    expect(lastBody()).not.toBe(notesAfterOne);
  });

  it('refuse a seed object of the wrong shape, naming the problem', async () => {
    await expect(vendorHandlers({ vendors: ['crmcom'], seed: { crmcom: { invoices: 'none' } } as never })).rejects.toThrow(/seed option of vendorHandlers\(\) does not have the seed shape/);
  });

  it('answer from a seed object: an invoice only that seed knows is found', async () => {
    const mocks = await vendorHandlers({ vendors: ['crmcom'], baseUrls: { crmcom: 'https://crm.example.test' }, credentials: { crmcom: { token: 't' } }, seed: { crmcom: { invoices: [{ id: 'X1', reference: '777', state: 'DRAFT' }] } } });
    server.resetHandlers(...mocks.handlers);
    const client = createSampleClient(options(false));
    expect((await client.crmcomUpdate('777', SAMPLE_INVOICE)).outcome).toBe('ok');
    expect((await client.crmcomUpdate('1013', SAMPLE_INVOICE)).outcome).not.toBe('ok');
    mocks.assertConformant();
  });
});
