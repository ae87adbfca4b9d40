import { describe, expect, it } from 'vitest';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { redactExchange } from '../../../src/recording/redact-exchange.ts';
import { assertNoSecrets, describeLeak, findLeaks, type LeakHit } from '../../../src/recording/leak-guard.ts';
import { composedEncodings, scanForCanaries } from '../../helpers/canary-scan.ts';
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
    expect(findLeaks([{ path: 'a.har', text: 'p&amp;ss [redacted] an0ther' }], [SECRET, OTHER])).toEqual([]);
  });

  // The encodings come from the test's own encoders (test/helpers/canary-scan.ts), never from the guard.
  it.each(composedEncodings(SECRET))('refuses a secret encoded %s, naming file and encoding, never the value', (_name, encoded) => {
    const hits = findLeaks([{ path: 'out/x.har', text: `{"x":"before ${encoded} after"}` }], [OTHER, SECRET]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ path: 'out/x.har', secret: 2, length: SECRET.length });
    const line = describeLeak(hits[0] as LeakHit);
    expect(line).toMatch(new RegExp(`^out/x\\.har: secret #2 \\(${SECRET.length} characters\\) found \\S`));
    expect(scanForCanaries(line, [SECRET])).toEqual([]);
  });

  it('names the encoding it found', () => {
    const name = (text: string): string => findLeaks([{ path: 'f', text }], [SECRET])[0]?.encoding ?? 'nothing';
    expect(name(JSON.stringify(SECRET))).toBe('JSON-escaped');
    expect(name(Buffer.from(SECRET).toString('base64'))).toBe('base64');
    expect(name(encodeURIComponent(encodeURIComponent(SECRET)))).toBe('URL-encoded, then URL-encoded');
    expect(name(Buffer.from(`user:${SECRET}`).toString('base64'))).toMatch(/^base64 inside a longer value/);
  });

  it('blocks only the files that hold a secret', () => {
    const files = [
      { path: 'a.har', text: 'clean' },
      { path: 'b.har', text: `echo ${Buffer.from(`<p>${SECRET}</p>`).toString('base64')}` },
      { path: 'c.har', text: 'also clean' },
    ];
    expect(findLeaks(files, [SECRET]).map((h) => h.path)).toEqual(['b.har']);
  });

  it('finds a long secret by a distinctive part of it', () => {
    expect(findLeaks([{ path: 'f', text: `..${OTHER.slice(3, 17)}..` }], [OTHER])[0]?.encoding).toMatch(/part/);
  });

  it('refuses, all or nothing, through assertNoSecrets', () => {
    expect(guardError(encodeURIComponent(SECRET).toLowerCase(), [SECRET])).toContain('URL-encoded');
    expect(guardError('anything', ['abc'])).toContain('shorter than 4 characters');
  });
});
