import { describe, expect, it } from 'vitest';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { buildCorpus } from '../../../src/corpus/build-corpus.ts';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { parseCrmcomResponse, parseEbizchargeResponse, parseInvoicexpressResponse } from '../../fixtures/sample-integration/index.ts';
import { repoPath } from '../../helpers/paths.ts';

const contracts = await loadAllContracts([repoPath('contracts')]);
const corpus = await buildCorpus(contracts, repoPath('recordings'));
const byId = new Map(contracts.map((l) => [l.contract.id, l.contract]));

describe('the response corpus', () => {
  it('holds every documented response that a recording shows, each in several serializations', () => {
    expect(corpus.items.length).toBeGreaterThan(200);
    const kinds = new Set(corpus.items.map((i) => i.variant));
    for (const v of ['recorded', 'prefixes-renamed', 'default-namespace', 'no-declaration', 'compact', 'pretty', 'attributes-reordered', 'empty-as-pair', 'cdata-text', 'bom', 'optional-absent', 'members-reordered']) expect(kinds).toContain(v);
  });

  it.each(corpus.items.map((i) => [i.file, i] as const))('%s classifies to its indexed outcome, vendor code and message', (_file, item) => {
    const contract = byId.get(item.contract);
    if (contract === undefined) throw new Error(`no contract ${item.contract}`);
    const got = classifyResponse(contract, { status: item.status, headers: item.headers, body: item.body });
    expect({ outcome: got.outcome, vendorCode: got.vendorCode, message: got.message, matched: got.matched, conformant: got.conformant }).toEqual({
      outcome: item.outcome,
      vendorCode: item.vendorCode,
      message: item.message,
      matched: item.response,
      conformant: true,
    });
  });

  it('makes a naive parser that compares "Not Found" without the trailing space fail on every not-found variant', () => {
    const notFound = corpus.items.filter((i) => i.contract === 'ebizcharge/UpdateInvoice' && i.message === 'Not Found ');
    expect(notFound.length).toBeGreaterThan(5);
    for (const item of notFound) {
      expect(parseEbizchargeResponse(item.status, item.body, true).outcome, item.file).not.toBe('not_found');
      expect(parseEbizchargeResponse(item.status, item.body, false).outcome, item.file).toBe('not_found');
    }
  });

  it("lets the sample integration's fixed parsers reach every indexed outcome of their vendors' variants", () => {
    const parsers: Record<string, (status: number, body: string) => { outcome: string }> = {
      'ebizcharge/UpdateInvoice': (s, b) => parseEbizchargeResponse(s, b, false),
      'invoicexpress/invoices.update': parseInvoicexpressResponse,
      'crmcom/invoices_update': parseCrmcomResponse,
    };
    const wrong = corpus.items
      .filter((i) => parsers[i.contract] !== undefined)
      .map((i) => ({ file: i.file, expected: i.outcome, got: parsers[i.contract]?.(i.status, i.body).outcome }))
      .filter((r) => r.got !== r.expected);
    expect(wrong).toEqual([]);
  });
});
