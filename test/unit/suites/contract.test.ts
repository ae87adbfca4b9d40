import { beforeAll, describe, expect, it } from 'vitest';
import { recordingsRedacted } from '../../../suites/contract/recordings-redacted.ts';
import { recordingsValid } from '../../../suites/contract/recordings-valid.ts';
import { responsesExercised } from '../../../suites/contract/responses-exercised.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../helpers/paths.ts';
import { prepareContract, prepareVariants } from '../../helpers/prepare-contract.ts';

const VARIANTS = ['missing-recording', 'wrong-contract-label', 'wrong-case-label', 'secret-not-redacted', 'response-status-changed'] as const;
type Variant = (typeof VARIANTS)[number];

describe('contract suite', () => {
  let original: ContractContext;
  let of: (name: Variant) => ContractContext;

  beforeAll(async () => {
    original = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    of = await prepareVariants(CENTRA_CONTRACT, VARIANTS);
  });

  describe('contract.recordings-valid', () => {
    it('passes when every case has a HAR recording labelled with its case and contract', () => {
      expect(violationsOf(recordingsValid, original)).toEqual([]);
    });

    it('fails for a case whose recording file is missing, naming the file', () => {
      const violations = violationsOf(recordingsValid, of('missing-recording'));
      expect(violations).toEqual([expect.objectContaining({ rule: 'recording', path: expect.stringMatching(/missing-recording\/centra\/invoices_Update\/update-ok\.har$/) })]);
      expect(violations[0]?.message).toContain('cannot read (ENOENT)');
    });

    it('fails for a recording labelled with another contract', () => {
      const violations = violationsOf(recordingsValid, of('wrong-contract-label'));
      expect(violations).toEqual([expect.objectContaining({ rule: 'recording-label', message: 'Received: _contract "centra/orders_Update" / Documented: "centra/invoices_Update".' })]);
    });

    it('fails for a recording that has no entry for its case, listing the entries it has', () => {
      const violations = violationsOf(recordingsValid, of('wrong-case-label'));
      expect(violations).toEqual([expect.objectContaining({ rule: 'recording' })]);
      expect(violations[0]?.message).toContain('no entry for case "update-ok" of centra/invoices_Update (found: update-ok-v2)');
    });
  });

  describe('contract.recordings-redacted', () => {
    it('applies to Centra, which declares a secret password', () => {
      expect(recordingsRedacted.appliesTo(original.contract)).toBe(true);
    });

    it('passes when every secret position holds the redaction marker', () => {
      expect(violationsOf(recordingsRedacted, original)).toEqual([]);
    });

    it('fails for a recording holding a real password, naming the place but never the value', () => {
      const violations = violationsOf(recordingsRedacted, of('secret-not-redacted'));
      expect(violations).toEqual([expect.objectContaining({ rule: 'secret-in-recording', path: expect.stringMatching(/update-ok\.har body:\/login\/password$/) })]);
      expect(JSON.stringify(violations)).not.toContain('s3cr3t-live-password');
    });
  });

  describe('contract.responses-exercised', () => {
    it('passes when every documented response is matched by some recorded case', () => {
      expect(violationsOf(responsesExercised, original)).toEqual([]);
    });

    it('fails for the documented response no recording answers with any more', () => {
      expect(violationsOf(responsesExercised, of('response-status-changed'))).toEqual([
        expect.objectContaining({ rule: 'unexercised-response', path: 'responses.result-empty' }),
      ]);
    });
  });
});
