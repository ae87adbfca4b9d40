import { beforeAll, describe, expect, it } from 'vitest';
import { buildFromInput } from '../../../suites/request-building/build-from-input.ts';
import { requestRules } from '../../../suites/request-building/request-rules.ts';
import { responseRules } from '../../../suites/response-parsing/response-rules.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { failingSubjects, outcomesOf, violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, repoPath } from '../../helpers/paths.ts';
import { loadValidContract, prepareContract } from '../../helpers/prepare-contract.ts';

/** Preparing a contract replays every case and runs every mutation: allow for a loaded machine. */
const PREPARE_TIMEOUT_MS = 30_000;

const ISSUE3 = 'test/fixtures/issue3';
const OPSPLANNING = 'opsplanning/UpdateInvoicePaymentStatus.yaml';

/** A contract variant under test/fixtures/issue3/contracts/ (see its README.md), with the recordings copy it goes with. */
function opsplanningVariant(variant: string): Promise<ContractContext> {
  return prepareContract(repoPath(ISSUE3, 'contracts', variant, OPSPLANNING), repoPath(ISSUE3, 'recordings'));
}

describe('request.rules and request.build with contract rules (OpsPlanning)', () => {
  let shipped: ContractContext;
  let expectedRuleHeld: ContractContext;
  let unexpectedRuleBreak: ContractContext;
  beforeAll(async () => {
    shipped = await prepareContract(repoPath('contracts', OPSPLANNING), repoPath('recordings'));
    expectedRuleHeld = await opsplanningVariant('expected-rule-held');
    unexpectedRuleBreak = await opsplanningVariant('unexpected-rule-break');
  }, PREPARE_TIMEOUT_MS);

  it('request.rules applies to contracts with request rules only', async () => {
    expect(requestRules.appliesTo(shipped.contract)).toBe(true);
    expect(requestRules.appliesTo((await loadValidContract(CENTRA_CONTRACT)).contract)).toBe(false);
  });

  it.each([requestRules, buildFromInput])('$id passes on every shipped case, including the negative case that breaks the rule on purpose', (check) => {
    expect(violationsOf(check, shipped)).toEqual([]);
    expect(outcomesOf(check, shipped)['comment-when-unpaid']).toEqual([]);
  });

  it.each([requestRules, buildFromInput])('$id fails with expected-rule-held for a negative case whose expect.rules names a rule its input keeps', (check) => {
    expect(failingSubjects(check, expectedRuleHeld)).toEqual(['not-issued']);
    expect(violationsOf(check, expectedRuleHeld)).toEqual([expect.objectContaining({ rule: 'expected-rule-held', path: 'payment-comment-only-when-paid', severity: 'error' })]);
  });

  it.each([requestRules, buildFromInput])('$id fails naming the rule for a case that breaks it without listing it in expect.rules', (check) => {
    expect(failingSubjects(check, unexpectedRuleBreak)).toEqual(['comment-when-unpaid']);
    const [broken] = violationsOf(check, unexpectedRuleBreak);
    expect(broken).toMatchObject({ rule: 'rule', path: 'request.Parameters[0]', severity: 'error', params: { rule: 'payment-comment-only-when-paid' } });
    expect(broken?.message).toMatch(/^Rule payment-comment-only-when-paid\. Received: PaidFlag = "false", PaymentComment = "Client just mailed in the check" \/ Documented: /);
  });
});

describe('response.rules (CRM.COM)', () => {
  let shipped: ContractContext;
  let totalChanged: ContractContext;
  beforeAll(async () => {
    const contract = repoPath('contracts/crmcom/invoices_update.yaml');
    shipped = await prepareContract(contract, repoPath('recordings'));
    // A recordings root holding only update-example-2.har, with total_amount changed: the other cases have no recording.
    totalChanged = await prepareContract(contract, repoPath(ISSUE3, 'recordings-crmcom-total-changed'));
  }, PREPARE_TIMEOUT_MS);

  it('applies to contracts with response rules only', async () => {
    expect(responseRules.appliesTo(shipped.contract)).toBe(true);
    expect(responseRules.appliesTo((await loadValidContract(repoPath('contracts', OPSPLANNING))).contract)).toBe(false);
  });

  it('passes on every shipped CRM.COM case', () => {
    expect(violationsOf(responseRules, shipped)).toEqual([]);
  });

  it('fails naming invoice-totals for the doc Example 2 response with total_amount changed', () => {
    expect(failingSubjects(responseRules, totalChanged)).toEqual(['update-example-2']);
    const [broken] = violationsOf(responseRules, totalChanged);
    expect(broken).toMatchObject({ rule: 'rule', path: '/', params: { rule: 'invoice-totals' } });
    expect(broken?.message).toContain('data.total_amount = 38.31 / Documented: ');
    expect(outcomesOf(responseRules, totalChanged)['update-example-1']).toEqual({ skip: 'the recording could not be read (see contract.recordings-valid)' });
  });
});
