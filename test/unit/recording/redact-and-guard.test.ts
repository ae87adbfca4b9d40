import { describe, expect, it } from 'vitest';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { redactExchange } from '../../../src/recording/redact-exchange.ts';
import { assertNoSecrets, encodings } from '../../../src/recording/leak-guard.ts';
import { isSuiteError } from '../../../src/errors.ts';
import { findSecrets } from '../../helpers/secret-scan.ts';

// Characters that XML, JSON, URL and form encoding each change.
const SECRET = 'p&ss<w"rd> +/=?é';
const OTHER = 'an0ther-Secret-Value';

function guardError(text: string, secrets: readonly string[]): string {
  try {
    assertNoSecrets([{ path: 'out/x.har', text }], secrets);
    return '';
  } catch (error) {
    if (!isSuiteError(error)) throw error;
    return [error.message, ...error.details].join('\n');
  }
}

describe('redactExchange', () => {
  it('redacts the SOAP body and header credentials, naming their places', async () => {
    const { contract } = await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'));
    const built = buildRequest(contract, { invoice: { number: 'INV1' }, payment: { paid: true } }, { baseUrl: 'http://127.0.0.1:1', credentials: { accountName: 'acme', emailAddress: 'a@b.example', password: SECRET } });
    const exchange = { request: built.request, response: { status: 200, headers: { 'set-cookie': `s=${OTHER}` }, body: `<echo>${Buffer.from(SECRET).toString('base64')}</echo>` }, durationMs: 1 };
    const { exchange: out, redactions } = redactExchange(contract, exchange, [SECRET, OTHER]);
    expect(findSecrets(JSON.stringify(out), [SECRET, OTHER])).toEqual([]);
    expect(out.request.body).toContain('<data:Password>[redacted]</data:Password>');
    expect(redactions).toEqual(['header:/OpsAuthenticationHeader/Password', 'response-body', 'response-header:set-cookie']);
  });

  it('redacts api_key in the URL and an Authorization header', async () => {
    const { contract } = await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'));
    const built = buildRequest(contract, { invoice: { id: '1' }, customer: { name: 'A' }, items: [{ name: 'x', unitPrice: '1', quantity: '1', unit: 'unit' }] }, { baseUrl: 'http://127.0.0.1:1', credentials: { apiKey: SECRET } });
    const request = { ...built.request, headers: { ...built.request.headers, authorization: `Basic ${Buffer.from(`user:${SECRET}`).toString('base64')}` } };
    const { exchange: out, redactions } = redactExchange(contract, { request, response: { status: 404, headers: {}, body: '' }, durationMs: 1 }, [SECRET]);
    expect(new URL(out.request.url).searchParams.get('api_key')).toBe('[redacted]');
    expect(out.request.headers['authorization']).toBe('[redacted]');
    expect(redactions).toEqual(['query:api_key', 'request-header:authorization']);
    expect(guardError(JSON.stringify(out), [SECRET])).toBe('');
  });
});

describe('leak guard', () => {
  it('passes text that holds no secret', () => {
    expect(guardError('{"password":"[redacted]"}', [SECRET, OTHER])).toBe('');
  });

  it.each(encodings(SECRET).map(([name, text]) => [name, text]))('refuses a secret %s, naming file and encoding, never the value', (name, text) => {
    const message = guardError(`{"x":"before ${text} after"}`, [SECRET]);
    expect(message).toContain('Refusing to write');
    expect(message).toContain(`out/x.har: secret #1 (${SECRET.length} characters) found ${name}`);
    expect(message).not.toContain(SECRET);
  });

  it('finds a secret inside a longer base64 value (Basic auth) and in lower-case percent-encoding', () => {
    expect(guardError(Buffer.from(`someone:${OTHER}`).toString('base64'), [OTHER])).toContain('inside a longer value');
    expect(guardError(encodeURIComponent(SECRET).toLowerCase(), [SECRET])).toContain('URL-encoded');
  });

  it('refuses a secret too short to be told apart from other text', () => {
    expect(guardError('anything', ['abc'])).toContain('shorter than 4 characters');
  });
});
