import { beforeAll, describe, expect, it } from 'vitest';
import type { CoverageItem } from '../../../src/coverage/coverage.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { repoPath } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

/** Preparing a contract replays every case and runs every mutation: allow for a loaded machine. */
const PREPARE_TIMEOUT_MS = 30_000;

describe('gatherCoverage on the shipped OpsPlanning contract', () => {
  let ctx: ContractContext;
  beforeAll(async () => {
    ctx = await prepareContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'), repoPath('recordings'));
  }, PREPARE_TIMEOUT_MS);

  function item(id: string): CoverageItem {
    const found = ctx.coverage.items.find((i) => i.id === id);
    if (found === undefined) throw new Error(`no coverage item ${id}; items: ${ctx.coverage.items.map((i) => i.id).join(', ')}`);
    return found;
  }

  it('lists every documented field, response, rule and behaviour, all covered', () => {
    expect(new Set(ctx.coverage.items.map((i) => i.kind))).toEqual(new Set(['field', 'response', 'rule', 'behaviour']));
    expect(ctx.coverage.items.filter((i) => !i.covered)).toEqual([]);
    expect(ctx.coverage).toMatchObject({ contract: 'opsplanning/UpdateInvoicePaymentStatus', covered: ctx.coverage.total });
  });

  it('covers the rule with the cases that keep it, the negative case that breaks it, and a caught mutation', () => {
    const rule = item('rule payment-comment-only-when-paid');
    expect(rule.passing).toEqual(expect.arrayContaining(['mark-paid', 'mark-unpaid']));
    expect(rule.passing).not.toContain('comment-when-unpaid');
    expect(rule.failing).toEqual(expect.arrayContaining(['comment-when-unpaid', 'mutation:PaidFlag']));
  });

  it('covers a constrained request field with the mutations of its constraints', () => {
    expect(item('request /request/Parameters/InvoiceNumber')).toMatchObject({ passing: ['mark-paid'], failing: ['mutation:required', 'mutation:maxLength', 'mutation:structure'], missed: [] });
    expect(item('request header /OpsAuthenticationHeader/EmailAddress').failing).toContain('mutation:format');
  });

  it('covers a documented response with the cases answered by it and a changed status and body', () => {
    expect(item('response not-issued')).toMatchObject({ passing: ['not-issued'], failing: ['mutation:status', 'mutation:body'], covered: true });
  });

  it('covers the state guard with ok answers and the cases answered by its response', () => {
    expect(item('behaviour issued-only').failing).toEqual(['not-issued']);
    expect(item('behaviour issued-only').passing).toEqual(expect.arrayContaining(['mark-paid', 'mark-unpaid']));
  });
});
