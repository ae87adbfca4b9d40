import { beforeAll, describe, expect, it } from 'vitest';
import { classifyResponse, type ParsedResponse } from '../../../src/protocols/classify-response.ts';
import type { Outcome } from '../../../src/model/outcome.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { recordedExchange, shippedContract } from '../behaviours/recorded-exchange.ts';
import { SKIP_WITHOUT_DOCS, section, vendorDoc } from './vendor-doc-names.ts';

const NEEDS_DOCS = !SKIP_WITHOUT_DOCS ? '' : ' [skipped: ../shared/vendor-docs/ is not beside the repository]';

const all = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1] ?? '');

describe('InvoiceXpress: every error of the doc is classified', () => {
  let contract: Contract;
  let doc: string;
  beforeAll(async () => {
    contract = await shippedContract('invoicexpress/invoices.update');
    if (!SKIP_WITHOUT_DOCS) doc = vendorDoc('invoicexpress-invoices.update.txt');
  });

  function classify(status: number, body: string, contentType = 'application/xml; charset=utf-8'): ParsedResponse {
    return classifyResponse(contract, { status, headers: { 'content-type': contentType }, body });
  }

  /** Each <errors> document listed under "Possible errors:", verbatim. */
  function possibleErrorBodies(): string[] {
    return doc.slice(doc.indexOf('Possible errors:')).split('<?xml').slice(1).map((b) => `<?xml${b}`.trim());
  }

  it.skipIf(SKIP_WITHOUT_DOCS)(`classifies each 422 message of the doc, alone in <errors><error>, as a documented outcome${NEEDS_DOCS}`, () => {
    const messages = possibleErrorBodies().flatMap((body) => all(body, /<error>(.*?)<\/error>/g));
    expect(messages).toHaveLength(11);
    for (const message of messages) {
      const parsed = classify(422, `<?xml version="1.0" encoding="UTF-8"?>\n<errors>\n <error>${message}</error>\n</errors>`);
      expect(parsed, message).toMatchObject({ conformant: true, message });
      expect(parsed.outcome, message).not.toBe('unknown');
      expect(parsed.outcome, message).toBe(message.includes('settled') ? 'state_conflict' : 'invalid_request');
    }
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`classifies the doc's three <errors> bodies verbatim${NEEDS_DOCS}`, () => {
    expect(possibleErrorBodies().map((body) => classify(422, body)).map((p) => [p.outcome, p.conformant])).toEqual([
      ['invalid_request', true],
      ['state_conflict', true],
      ['invalid_request', true],
    ]);
    expect(classify(422, possibleErrorBodies()[1] ?? '').message).toBe('Invoice has been settled so cant be changed anymore.');
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`classifies the doc's 401 and 404 as auth_failed and not_found${NEEDS_DOCS}`, () => {
    const explanation = (status: number): string => all(doc, new RegExp(`^HTTP: ${status} [^\\n]*\\n([^\\n]+)$`, 'gm'))[0] ?? '';
    expect(explanation(401)).toBe('The API Key parameter is missing or is incorrectly entered.');
    expect(classify(401, explanation(401), 'text/plain').outcome).toBe('auth_failed');
    expect(explanation(404)).toBe('The :invoice-id supplied doesn’t match any existing invoice.');
    expect(classify(404, explanation(404), 'text/plain').outcome).toBe('not_found');
  });
});

describe('OpsPlanning: the doc error codes are classified from their recordings', () => {
  // 61048: the invoice is draft or approved, not issued (a state); 50406: a PaymentComment with PaidFlag false (the request).
  // (An array, not an object: integer-like keys would be reordered.)
  const EXPECTED: readonly (readonly [code: string, outcome: Outcome])[] = [
    ['61048', 'state_conflict'],
    ['50406', 'invalid_request'],
  ];
  let contract: Contract;
  let recorded: ParsedResponse[];
  beforeAll(async () => {
    contract = await shippedContract('opsplanning/UpdateInvoicePaymentStatus');
    recorded = await Promise.all(contract.cases.map(async (c) => (await recordedExchange(contract, c.name)).response));
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`names exactly the codes 61048 and 50406${NEEDS_DOCS}`, () => {
    expect(all(vendorDoc('opsplanning-UpdateInvoicePaymentStatus.txt'), /error (\d+) is triggered/g)).toEqual(EXPECTED.map(([code]) => code));
  });

  it.each(EXPECTED)('classifies the recorded error %s as %s', (code, outcome) => {
    const answered = recorded.filter((r) => r.vendorCode === code);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.map((r) => [r.outcome, r.conformant])).toEqual(answered.map(() => [outcome, true]));
  });
});

describe('EBizCharge: the documented answers are classified', () => {
  let contract: Contract;
  beforeAll(async () => {
    contract = await shippedContract('ebizcharge/UpdateInvoice');
  });

  it('classifies the recorded Error "Not Found " (trailing space kept) as not_found', async () => {
    const { response } = await recordedExchange(contract, 'update-not-found');
    expect(response).toMatchObject({ outcome: 'not_found', conformant: true, message: 'Not Found ', matched: 'update-not-found' });
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`classifies the doc's two Example Response envelopes as ok and invalid_request (ErrorCode 3)${NEEDS_DOCS}`, () => {
    const doc = vendorDoc('ebizcharge-UpdateInvoice.txt');
    const envelopes = doc.slice(doc.indexOf('Example Response')).split('</s:Envelope>').slice(0, 2).map((e) => `${e.slice(e.indexOf('<s:Envelope'))}</s:Envelope>`);
    const parsed = envelopes.map((body) => classifyResponse(contract, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body }));
    expect(parsed.map((p) => [p.outcome, p.conformant, p.vendorCode])).toEqual([
      ['ok', true, null],
      ['invalid_request', true, '3'],
    ]);
  });
});

describe('CRM.COM: a status other than OK is never ok', () => {
  let contract: Contract;
  let example2: Record<string, unknown>;
  beforeAll(async () => {
    contract = await shippedContract('crmcom/invoices_update');
    if (SKIP_WITHOUT_DOCS) return;
    const response = section(vendorDoc('crmcom-invoices_update.txt').split('Example 2')[1] ?? '', 'Response:', '\n...');
    example2 = JSON.parse(response.slice(response.indexOf('{'), response.lastIndexOf('}') + 1)) as Record<string, unknown>;
  });

  function classify(httpStatus: number, status: Record<string, unknown>): ParsedResponse {
    return classifyResponse(contract, { status: httpStatus, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...example2, status }) });
  }

  it.skipIf(SKIP_WITHOUT_DOCS)(`classifies the doc's Example 2 response, status.code OK, as ok${NEEDS_DOCS}`, () => {
    expect(classify(200, { code: 'OK', message: '', description: '' })).toMatchObject({ outcome: 'ok', conformant: true, vendorCode: 'OK' });
  });

  it.skipIf(SKIP_WITHOUT_DOCS).each([200, 400, 500])(`classifies a status.code other than OK under HTTP %i as a documented error, never ok${NEEDS_DOCS}`, (httpStatus) => {
    for (const [message, outcome] of [
      ['The intended currency does not match', 'invalid_request'],
      ['Only invoices in Draft life cycle state can be updated', 'state_conflict'],
      ['The token is invalid or has expired', 'auth_failed'],
    ] as const) {
      expect(classify(httpStatus, { code: 'ERROR', message, description: '' }), message).toMatchObject({ outcome, vendorCode: 'ERROR', message });
    }
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`does not take status.code OK under an HTTP error status as ok${NEEDS_DOCS}`, () => {
    expect(classify(500, { code: 'OK', message: '', description: '' }).outcome).not.toBe('ok');
  });
});
