import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { vendorHandlers } from '../../../src/msw/index.ts';
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

  it("with onViolation 'respond', answer a non-conforming request with a refusal", async () => {
    const mocks = await vendorHandlers({ vendors: ['crmcom'], baseUrls: { crmcom: 'https://crm.example.test' }, onViolation: 'respond', credentials: { crmcom: { token: 't' } } });
    server.resetHandlers(...mocks.handlers);
    const res = await fetch('https://crm.example.test/crmapi/rest/v2/invoices/update', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"token":"t","invoice_identifier":{"reference_number":1013}}' });
    const body = await res.text();
    expect(res.status >= 400 || !body.includes('"OK"')).toBe(true);
    expect(mocks.violations()[0]?.violations.map((v) => v.rule)).toContain('type');
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
    const notesAfterOne = JSON.stringify(mocks.requests().at(-1)?.exchange.response.body);
    mocks.reset();
    await client.crmcomUpdate('1013', SAMPLE_INVOICE);
    expect(JSON.stringify(mocks.requests().at(-1)?.exchange.response.body)).toBe(notesAfterOne);
    await client.crmcomUpdate('1013', SAMPLE_INVOICE);
    expect(JSON.stringify(mocks.requests().at(-1)?.exchange.response.body)).not.toBe(notesAfterOne);
  });
});
