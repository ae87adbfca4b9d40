import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import type { Exchange } from '../../../src/model/http.ts';
import { checkCapturedExchange } from '../../../src/check/check-exchange.ts';
import { CHECKS } from '../../../suites/index.ts';
import { ebizAndCharlesExchange } from '../../helpers/charles-exchange.ts';

let ebiz: Contract;
let exchange: Exchange;

beforeAll(async () => {
  ({ contract: ebiz, exchange } = await ebizAndCharlesExchange());
});

describe('the results of one captured exchange', () => {
  it('carry the entry id and then the capture file, last, when both are given', async () => {
    const { results } = await checkCapturedExchange(ebiz, exchange, { checks: CHECKS, entry: 'app.har#1', resultFile: 'app.har' });
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) {
      expect(Object.keys(r).slice(-2)).toEqual(['entry', 'file']);
      expect([r.entry, r.file]).toEqual(['app.har#1', 'app.har']);
    }
  });

  it('carry neither without them (the library call)', async () => {
    const { results } = await checkCapturedExchange(ebiz, exchange, { checks: CHECKS });
    expect(results.some((r) => 'entry' in r || 'file' in r)).toBe(false);
  });

  it('follow which bodies each capture holds, for the same contract and checks one after another', async () => {
    const responseChecks = async (responseCaptured: boolean) => (await checkCapturedExchange(ebiz, exchange, { checks: CHECKS, responseCaptured })).results.filter((r) => r.suite === 'response-parsing');
    const without = await responseChecks(false);
    const withBody = await responseChecks(true);
    const again = await responseChecks(false);
    expect(without.length).toBeGreaterThan(0);
    expect(without.every((r) => r.state === 'skipped' && r.reason === 'not checked: the capture holds no response body')).toBe(true);
    expect(withBody.some((r) => r.state === 'passed')).toBe(true);
    expect(again.map((r) => r.state)).toEqual(without.map((r) => r.state));
  });
});
