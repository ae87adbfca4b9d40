import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioExchange } from '../../../suites/scenarios/exchange.ts';
import { scenarioOutcome } from '../../../suites/scenarios/outcome.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { failingSubjects, outcomesOf, violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, repoPath } from '../../helpers/paths.ts';
import { prepareContract, prepareVariants } from '../../helpers/prepare-contract.ts';

const VARIANTS = ['request-missing-id', 'response-body-changed', 'response-status-changed'] as const;
type Variant = (typeof VARIANTS)[number];

describe('scenarios suite', () => {
  let original: ContractContext;
  let caseMissingId: ContractContext;
  let of: (name: Variant) => ContractContext;

  beforeAll(async () => {
    original = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    caseMissingId = await prepareContract(repoPath('test/fixtures/contracts/case-missing-invoice-id/centra/invoices_Update.yaml'), CENTRA_RECORDINGS);
    of = await prepareVariants(CENTRA_CONTRACT, VARIANTS);
  });

  describe('scenario.exchange', () => {
    it('passes when replay finds a recording for every built request', () => {
      expect(violationsOf(scenarioExchange, original)).toEqual([]);
    });

    it('fails when the recorded request no longer matches, naming the nearest recording and what differs', () => {
      const violations = violationsOf(scenarioExchange, of('request-missing-id'));
      expect(violations).toEqual([expect.objectContaining({ rule: 'unmatched', path: 'https://centra.replay.invalid/ams/system/service/module/soap/api' })]);
      expect(violations[0]?.message).toMatch(/nearest is \S*request-missing-id\/centra\/invoices_Update\/update-ok\.har \(case update-ok\)/);
      expect(violations[0]?.message).toContain('body /body/invoices/invoice/0/id: recorded nothing, received "1001"');
    });

    it('fails when the built request lacks a value its recording has', () => {
      expect(failingSubjects(scenarioExchange, caseMissingId)).toEqual(['fault-server']);
      expect(violationsOf(scenarioExchange, caseMissingId)[0]?.message).toContain('recorded "1005", received nothing');
    });
  });

  describe('scenario.outcome', () => {
    it('passes when every case gets its expected outcome, vendor code and message', () => {
      expect(violationsOf(scenarioOutcome, original)).toEqual([]);
    });

    it('fails when the response body gives another outcome than the case expects', () => {
      expect(violationsOf(scenarioOutcome, of('response-body-changed'))).toEqual([
        expect.objectContaining({ rule: 'outcome', message: 'Received: invalid_request / Documented: ok for case update-ok-result-success.' }),
      ]);
    });

    it('fails with the reason when the response is unknown', () => {
      const [violation] = violationsOf(scenarioOutcome, of('response-status-changed'));
      expect(violation).toMatchObject({ rule: 'outcome' });
      expect(violation?.message).toMatch(/^Received: unknown \/ Documented: ok for case update-ok\. It matched no documented response \(see response\.documented\): Received: HTTP 503 /);
      expect(violation?.params).toEqual({ expected: 'ok', received: 'unknown' });
    });

    it('is skipped when the request got no response', () => {
      expect(outcomesOf(scenarioOutcome, of('request-missing-id'))['update-ok']).toEqual({ skip: 'no response (see scenario.exchange)' });
    });
  });
});
