import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import { evaluateRules } from '../../../src/rules/evaluate-rules.ts';
import { evaluateRulesRemembered } from '../../../src/check/remembered-rules.ts';
import { readingsOf, replays } from '../../../src/check/rule-readings.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

let ops: Contract;
let crm: Contract;
let ebiz: Contract;

beforeAll(async () => {
  ops = (await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'))).contract;
  crm = (await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml'))).contract;
  ebiz = (await loadValidContract(repoPath('contracts/ebizcharge/UpdateInvoice.yaml'))).contract;
});

/** An OpsPlanning UpdateInvoicePaymentStatus request as decoded (vendor-docs: PaymentComment only when PaidFlag is true). */
const payment = (invoice: string, paid: string, comment?: string): { data: unknown; header: unknown } => ({
  data: { request: { Parameters: { InvoiceNumber: invoice, PaidFlag: paid, ...(comment === undefined ? {} : { PaymentComment: comment }) } } },
  header: { OpsAuthenticationHeader: { AccountName: 'acct', EmailAddress: 'a@b.c' } },
});

describe('evaluateRulesRemembered', () => {
  it('gives a body that differs only where no rule reads the verdicts of the one before, and evaluates a body that differs where a rule reads', async () => {
    const first = await evaluateRulesRemembered(ops, 'request', payment('INV-1', 'false', 'paid by card'));
    expect(first.map((v) => v.params?.['rule'])).toEqual(['payment-comment-only-when-paid']);
    const other = await evaluateRulesRemembered(ops, 'request', payment('INV-2', 'false', 'paid by card'));
    expect(other[0]).toBe(first[0]);
    const paid = await evaluateRulesRemembered(ops, 'request', payment('INV-3', 'true', 'paid by card'));
    expect(paid).toEqual([]);
    const emptyComment = await evaluateRulesRemembered(ops, 'request', payment('INV-4', 'false', ''));
    expect(emptyComment).toEqual([]);
    expect(await evaluateRulesRemembered(ops, 'request', payment('INV-5', '0', 'x'))).toEqual(await evaluateRules(ops, 'request', payment('INV-5', '0', 'x')));
  });

  it('gives what evaluateRules gives, in rule order, for every shipped request rule on varied messages', async () => {
    const word = fc.constantFrom('', 'false', 'true', '0', 'add', 'ADD', 'update', 'remove', '10', '2.5', 'x');
    const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
    const compact = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const item = fc.record({ action: maybe(word), cost: maybe(word), sub_total: maybe(word), quantity: maybe(word), product_identifier: maybe(fc.constant({ id: 'p1' })), invoice_item_identifier: maybe(fc.record({ id: maybe(word) }).map(compact)) }).map(compact);
    const crmBody = fc.record({ invoice_identifier: fc.constantFrom({}, { id: 'a' }, { number: 'n' }), invoice_item_set: maybe(fc.array(item, { maxLength: 3 })) }).map(compact);
    const ebizLine = fc.record({ UnitPrice: word, Qty: word, TotalLineAmount: word, ItemCustomFields: maybe(fc.constantFrom({}, { EbizCustomField: [{ a: 1 }] })) }).map(compact);
    const ebizBody = fc.record({
      invoice: fc.record({ invoiceNumber: maybe(word), invoiceInternalId: maybe(word), BillingAddress: maybe(fc.constantFrom({}, { IsDefault: 'true' }, { City: 'x', IsDefault: '' }, { City: '' })), Items: maybe(fc.record({ Item: fc.array(ebizLine, { maxLength: 3 }) })) }).map(compact),
      customerId: maybe(word),
    }).map(compact);
    const opsBody = fc.tuple(word, word, maybe(word)).map(([n, p, c]) => payment(n, p, c).data);
    const cases = fc.oneof(crmBody.map((data) => [crm, data] as const), ebizBody.map((data) => [ebiz, data] as const), opsBody.map((data) => [ops, data] as const));
    await fc.assert(
      fc.asyncProperty(fc.array(cases, { minLength: 1, maxLength: 12 }), async (messages) => {
        for (const [contract, data] of messages) {
          const input = { data, header: { OpsAuthenticationHeader: { AccountName: 'acct' } } };
          expect(await evaluateRulesRemembered(contract, 'request', input)).toEqual(await evaluateRules(contract, 'request', input));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('evaluateRulesRemembered on response rules', () => {
  it('gives what evaluateRules gives for the answer a response rule applies to, and reuses a verdict where only an unread field differs', async () => {
    const answer = (state: string, notes: string, items: unknown[]): { data: unknown } => ({ data: { status: { code: 'OK' }, data: { life_cycle_state: state, notes, invoice_item_set: items } } });
    const item = (quantity: number, cost: number, net: number): unknown => ({ quantity, cost, net_amount: net });
    const answers = [answer('DRAFT', 'a', [item(2, 5, 10)]), answer('DRAFT', 'b', [item(2, 5, 10)]), answer('POSTED', 'b', [item(2, 5, 10)]), answer('DRAFT', 'c', [item(2, 5, 11)]), answer('DRAFT', 'd', [])];
    for (const matched of ['update-ok', 'update-failed', null]) {
      for (const a of answers) expect(await evaluateRulesRemembered(crm, 'response', a, matched)).toEqual(await evaluateRules(crm, 'response', a, matched));
    }
    const first = await evaluateRulesRemembered(crm, 'response', answer('POSTED', 'x', [item(1, 1, 3)]), 'update-ok');
    expect(first.length).toBeGreaterThan(0);
    const again = await evaluateRulesRemembered(crm, 'response', answer('POSTED', 'y', [item(1, 1, 3)]), 'update-ok');
    expect(again[0]).toBe(first[0]);
  });
});

describe('rule readings', () => {
  it('replay on an input that answers every read the same, and not on one whose read value, key list or shape differs', async () => {
    const input = payment('INV-1', 'false', 'c');
    const recording = readingsOf(input);
    if (recording === undefined) throw new Error('a plain input is recorded');
    const violations = await evaluateRules(ops, 'request', recording.input);
    expect(violations).toEqual(await evaluateRules(ops, 'request', input));
    const reading = recording.finish(violations);
    if (reading === undefined) throw new Error('reading only is remembered');
    expect(replays(reading, payment('INV-9', 'false', 'c'))).toBe(true);
    expect(replays(reading, payment('INV-1', 'true', 'c'))).toBe(false);
    expect(replays(reading, payment('INV-1', 'false', 'd'))).toBe(false);
    expect(replays(reading, payment('INV-1', 'false'))).toBe(false);
    expect(replays(reading, { data: { request: [] }, header: input.header })).toBe(false);
    expect(replays(reading, { data: input.data })).toBe(false);
  });

  it('tell two objects met at two places from one object met at both', () => {
    const shared = { v: 1 };
    const recording = readingsOf({ data: { a: shared, b: shared } });
    if (recording === undefined) throw new Error('recorded');
    const view = recording.input.data as { a: { v: number }; b: { v: number } };
    expect(view.a).toBe(view.b);
    expect(view.a.v + view.b.v).toBe(2);
    const reading = recording.finish([]);
    if (reading === undefined) throw new Error('kept');
    expect(replays(reading, { data: { a: shared, b: shared } })).toBe(true);
    expect(replays(reading, { data: { a: { v: 1 }, b: { v: 1 } } })).toBe(false);
    const apart = readingsOf({ data: { a: { v: 1 }, b: { v: 1 } } });
    const seen = apart?.input.data as { a: { v: number }; b: { v: number } };
    expect(seen.a.v + seen.b.v).toBe(2);
    const split = apart?.finish([]);
    if (split === undefined) throw new Error('kept');
    expect(replays(split, { data: { a: shared, b: shared } })).toBe(false);
  });

  it('keep nothing of an evaluation that wrote to its input or met data that is not plain, and record no input that is not an object', () => {
    const written = readingsOf({ data: { a: { v: 1 } } });
    const view = written?.input.data as { a: { v: number } };
    view.a.v = 2;
    expect(written?.finish([])).toBeUndefined();
    const dated = readingsOf({ data: { when: new Date(0) } });
    expect((dated?.input.data as { when: Date }).when.getTime()).toBe(0);
    expect(dated?.finish([])).toBeUndefined();
    const frozen = readingsOf({ data: Object.freeze({ a: Object.freeze({ v: 1 }) }) });
    expect((frozen?.input.data as { a: { v: number } }).a.v).toBe(1);
    expect(frozen?.finish([])).toBeUndefined();
    expect(readingsOf({ data: null })).toBeUndefined();
    expect(readingsOf({ data: 'text' })).toBeUndefined();
    const same = { a: 1 };
    expect(readingsOf({ data: same, header: same })).toBeUndefined();
  });
});
