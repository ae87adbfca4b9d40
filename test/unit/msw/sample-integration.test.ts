import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendorHandlers, ConformanceViolationError } from '../../../src/msw/index.ts';
import { createSampleClient, runSampleIntegration, SAMPLE_INVOICE, type SampleClientOptions } from '../../fixtures/sample-integration/index.ts';

const mocks = await vendorHandlers({ vendors: ['ebizcharge', 'invoicexpress', 'crmcom'] });
const server = setupServer(...mocks.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const options = (mistakes: boolean): SampleClientOptions => ({
  mistakes,
  baseUrls: {
    ebizcharge: mocks.baseUrls['ebizcharge/UpdateInvoice'] ?? '',
    invoicexpress: mocks.baseUrls['invoicexpress/invoices.update'] ?? '',
    crmcom: mocks.baseUrls['crmcom/invoices_update'] ?? '',
  },
  credentials: {
    ebizcharge: { securityId: 'sim-security-id', userId: 'sim-user', password: 'sim-password' },
    invoicexpress: { apiKey: 'sim-api-key' },
    crmcom: { token: 'sim-token' },
  },
});

function thrown(fn: () => void): ConformanceViolationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConformanceViolationError) return error;
    throw error;
  }
  throw new Error('assertConformant() did not throw');
}

describe('the msw vendor handlers with the sample integration', () => {
  it('answer the fixed integration as the simulators do, and find every request conformant', async () => {
    mocks.reset();
    const answers = await runSampleIntegration(createSampleClient(options(false)));
    expect(answers.ebizcharge.outcome).toBe('ok');
    expect(answers.invoicexpress.outcome).toBe('ok');
    expect(answers.crmcom.outcome).toBe('ok');
    expect(mocks.requests()).toHaveLength(3);
    expect(() => mocks.assertConformant()).not.toThrow();
  });

  it('fail the integration with its mistakes, naming each one', async () => {
    mocks.reset();
    await runSampleIntegration(createSampleClient(options(true)));
    const error = thrown(() => mocks.assertConformant());
    expect(error.requests).toHaveLength(3);
    const text = error.message;
    if (process.env["SHOW_VIOLATIONS"] === "1") console.log(text);
    expect(text).toMatch(/request\.namespaces .*http:\/\/eBizCharge\.ServiceModel\.SOAP\//);
    // The unquoted SOAPAction is a departure EBizCharge's WCF stack accepts: named as a warning, with why.
    expect(text).toMatch(/⚠ request\.soap-action \[soapaction\] .*soapaction.*accepted by the vendor.s stack/i);
    expect(text).not.toMatch(/✗ request\.soap-action/);
    expect(text).toMatch(/request\.schema \[required\] .*unit/);
    expect(text).toMatch(/request\.schema .*date.*2026-11-21/);
    expect(text).toMatch(/request\.schema .*reference_number.*string/);
    // assertConformant() forgets what it reported: the next test starts clean.
    expect(() => mocks.assertConformant()).not.toThrow();
  });

  it('never keep a credential the integration sent in what they collect', async () => {
    mocks.reset();
    const leaky = { ...options(true), credentials: { ...options(true).credentials, crmcom: { token: 'REAL-TOKEN-0123456789' } } };
    await createSampleClient(leaky).crmcomUpdate('1013', SAMPLE_INVOICE);
    expect(JSON.stringify(mocks.requests())).not.toContain('REAL-TOKEN-0123456789');
    mocks.clear();
  });
});
