import { beforeAll, describe, expect, it } from 'vitest';
import { breakRule } from '../../../src/mutations/rule-mutation.ts';
import type { Contract, RuleSpec } from '../../../src/types/contract.ts';
import { recordedExchange, shippedContract } from '../behaviours/recorded-exchange.ts';

function ruleOf(contract: Contract, id: string): RuleSpec {
  const rule = (contract.rules ?? []).find((r) => r.id === id);
  if (rule === undefined) throw new Error(`${contract.id} has no rule ${id}`);
  return rule;
}

describe('breakRule', () => {
  let opsplanning: Contract;
  let crmcom: Contract;
  beforeAll(async () => {
    opsplanning = await shippedContract('opsplanning/UpdateInvoicePaymentStatus');
    crmcom = await shippedContract('crmcom/invoices_update');
  });

  it('breaks the conditional OpsPlanning rule on the mark-paid request by flipping PaidFlag', async () => {
    const markPaid = await recordedExchange(opsplanning, 'mark-paid');
    expect(await breakRule(opsplanning, ruleOf(opsplanning, 'payment-comment-only-when-paid'), { data: markPaid.request })).toBe('mutation:PaidFlag');
  });

  it('cannot break it on the mark-unpaid request, which has no PaymentComment to make it matter', async () => {
    const markUnpaid = await recordedExchange(opsplanning, 'mark-unpaid');
    expect(await breakRule(opsplanning, ruleOf(opsplanning, 'payment-comment-only-when-paid'), { data: markUnpaid.request })).toBeUndefined();
  });

  it('breaks the CRM.COM invoice-totals response rule on Example 2 by changing the first value it shows', async () => {
    const example2 = await recordedExchange(crmcom, 'update-example-2');
    expect(await breakRule(crmcom, ruleOf(crmcom, 'invoice-totals'), { data: example2.response.data })).toBe('mutation:data.net_amount');
  });

  it('gives up on a rule whose scope is a filter, not a plain path', async () => {
    const example1 = await recordedExchange(crmcom, 'update-example-1');
    expect(await breakRule(crmcom, ruleOf(crmcom, 'item-add-needs-product-and-quantity'), { data: example1.request })).toBeUndefined();
  });
});
