import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../src/rules/evaluate-rules.ts';
import type { Contract, RuleSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { recordedExchange, shippedContract, type RecordedExchange } from '../behaviours/recorded-exchange.ts';
import { builtRequestRules, caseInput, ofRule } from './built-request-rules.ts';

/** "Rule <id>. Received: … / Documented: …", the message every broken rule carries. */
function ruleMessage(id: string): RegExp {
  return new RegExp(`^Rule ${id}\\. Received: .+ / Documented: .+`);
}

describe('evaluateRules on the request rules of the shipped contracts', () => {
  let opsplanning: Contract;
  let crmcom: Contract;
  let ebizcharge: Contract;
  beforeAll(async () => {
    [opsplanning, crmcom, ebizcharge] = await Promise.all(['opsplanning/UpdateInvoicePaymentStatus', 'crmcom/invoices_update', 'ebizcharge/UpdateInvoice'].map(shippedContract)) as [Contract, Contract, Contract];
  });

  describe('conditional: OpsPlanning payment-comment-only-when-paid', () => {
    it.each(['mark-paid', 'mark-unpaid'])('holds for case %s (paid with a comment, unpaid without one)', async (name) => {
      expect(await builtRequestRules(opsplanning, caseInput(opsplanning, name))).toEqual([]);
    });

    it('is broken by PaidFlag false with a PaymentComment, quoting both values, the doc and the vendor response', async () => {
      const violations = await builtRequestRules(opsplanning, { invoice: { number: 'INV00110' }, payment: { paid: false, comment: 'Client just mailed in the check' } });
      expect(violations).toEqual([
        {
          rule: 'rule',
          path: 'request.Parameters[0]',
          severity: 'error',
          params: { rule: 'payment-comment-only-when-paid' },
          message:
            'Rule payment-comment-only-when-paid. Received: PaidFlag = "false", PaymentComment = "Client just mailed in the check" / Documented: PaymentComment: only specify if marking invoice paid; if supplied when PaidFlag is false, error 50406 is triggered (vendor-docs/opsplanning-UpdateInvoicePaymentStatus.txt (request table, PaymentComment)). The vendor answers with its "comment-when-unpaid" response.',
        },
      ]);
    });
  });

  describe('exclusivity: CRM.COM cost-or-sub-total', () => {
    it('holds for the doc Example 2 input (cost only)', async () => {
      expect(ofRule(await builtRequestRules(crmcom, caseInput(crmcom, 'update-example-2')), 'cost-or-sub-total')).toEqual([]);
    });

    it('is broken by an item with both cost and sub_total, and only that item is named', async () => {
      const violations = await builtRequestRules(crmcom, {
        invoice: { number: 'I00000587' },
        items: [
          { action: 'add', product: { code: 'Smartcard' }, quantity: 2, unitPrice: 15 },
          { action: 'add', product: { code: 'aionet' }, quantity: 1, unitPrice: 9, lineTotal: 9 },
        ],
      });
      expect(ofRule(violations, 'cost-or-sub-total')).toEqual([expect.objectContaining({ rule: 'rule', path: 'invoice_item_set[1]', severity: 'error' })]);
      expect(ofRule(violations, 'cost-or-sub-total')[0]?.message).toBe('Rule cost-or-sub-total. Received: cost = 9, sub_total = 9 / Documented: cost and sub_total are mutually exclusive (vendor-material/README.md section 3 (invoice_item_update_parameters)).');
    });
  });

  describe('scoped item rules: CRM.COM item-add-needs-product-and-quantity and item-change-needs-identifier', () => {
    it('hold for the doc Example 1 input (an add with product and quantity, a remove with its identifier)', async () => {
      const violations = await builtRequestRules(crmcom, caseInput(crmcom, 'update-example-1'));
      expect([...ofRule(violations, 'item-add-needs-product-and-quantity'), ...ofRule(violations, 'item-change-needs-identifier')]).toEqual([]);
    });

    it('judge each item only by the rule of its action, naming its index among the items the scope selects', async () => {
      const violations = await builtRequestRules(crmcom, {
        invoice: { number: 'I00000585' },
        items: [{ action: 'add', product: { code: 'Smartcard' }, quantity: 2 }, { action: 'remove' }, { action: 'add', product: { code: 'aionet' } }],
      });
      expect(ofRule(violations, 'item-add-needs-product-and-quantity')).toEqual([expect.objectContaining({ path: "invoice_item_set[$lowercase(action) = 'add'][1]" })]);
      expect(ofRule(violations, 'item-add-needs-product-and-quantity')[0]?.message).toMatch(/^Rule item-add-needs-product-and-quantity\. Received: action = "add", product_identifier = \{"code":"aionet"\}, quantity = nothing \/ Documented: /);
      expect(ofRule(violations, 'item-change-needs-identifier')).toEqual([expect.objectContaining({ path: "invoice_item_set[$lowercase(action) in ['update', 'remove']][0]" })]);
      expect(ofRule(violations, 'item-change-needs-identifier')[0]?.message).toMatch(ruleMessage('item-change-needs-identifier'));
    });
  });

  describe('arithmetic on requests: EBizCharge line-total', () => {
    it('holds for case update-ok (TotalLineAmount 202.50 = 20.25 x 10)', async () => {
      expect(ofRule(await builtRequestRules(ebizcharge, caseInput(ebizcharge, 'update-ok')), 'line-total')).toEqual([]);
    });

    it("is broken by the doc example's TotalLineAmount 200.25, showing the three values, as a departure EBizCharge accepts", async () => {
      const violations = ofRule(await builtRequestRules(ebizcharge, caseInput(ebizcharge, 'doc-line-total')), 'line-total');
      expect(violations).toEqual([expect.objectContaining({ rule: 'rule', path: 'invoice.Items.Item[0]', severity: 'warning', params: expect.objectContaining({ accepted: expect.stringContaining('Example Response is Success') }) })]);
      expect(violations[0]?.message).toMatch(/^Rule line-total\. Received: UnitPrice = "20\.25", Qty = "10", TotalLineAmount = "200\.25" \/ Documented: TotalLineAmount is the line's UnitPrice x Qty/);
    });
  });

  describe('warning severity: EBizCharge internal-id-recommended', () => {
    it('holds for an update that sends invoiceInternalId (case update-ok)', async () => {
      expect(ofRule(await builtRequestRules(ebizcharge, caseInput(ebizcharge, 'update-ok')), 'internal-id-recommended')).toEqual([]);
    });

    it('gives a warning, not an error, for an update without invoiceInternalId (the C# example)', async () => {
      const violations = ofRule(await builtRequestRules(ebizcharge, caseInput(ebizcharge, 'update-ok-csharp-example')), 'internal-id-recommended');
      expect(violations).toEqual([expect.objectContaining({ rule: 'rule', severity: 'warning', params: { rule: 'internal-id-recommended' } })]);
      expect(violations[0]?.message).toMatch(/^Rule internal-id-recommended\. Received: invoiceInternalId = .+ \/ Documented: invoiceInternalId is recommended for all updates/);
    });
  });
});

describe('evaluateRules on the response rules of CRM.COM', () => {
  let crmcom: Contract;
  let example2: RecordedExchange;
  beforeAll(async () => {
    crmcom = await shippedContract('crmcom/invoices_update');
    example2 = await recordedExchange(crmcom, 'update-example-2');
  });

  it.each(['update-example-1', 'update-example-2'])('all hold for the doc response of %s', async (name) => {
    const recorded = await recordedExchange(crmcom, name);
    expect(recorded.response.matched).toBe('update-ok');
    expect(await evaluateRules(crmcom, 'response', { data: recorded.response.data }, 'update-ok')).toEqual([]);
  });

  it('break invoice-totals, and only it, for Example 2 with total_amount 38.31 (test/fixtures/issue3)', async () => {
    const changed = await recordedExchange(crmcom, 'update-example-2', repoPath('test/fixtures/issue3/recordings-crmcom-total-changed'));
    const violations = await evaluateRules(crmcom, 'response', { data: changed.response.data }, changed.response.matched);
    expect(violations).toEqual([expect.objectContaining({ rule: 'rule', path: '/', severity: 'error', params: { rule: 'invoice-totals' } })]);
    expect(violations[0]?.message).toContain('Received: data.net_amount = 39, $sum(data.invoice_item_set.net_amount) = 39, data.discount_amount = 1.5, data.vat_amount = 0, data.total_amount = 38.31 / Documented: ');
  });

  it('break item-net-amount, and only it, for a line whose cost no longer gives its net_amount', async () => {
    const data = structuredClone(example2.response.data) as { data: { invoice_item_set: { cost: number }[] } };
    const line = data.data.invoice_item_set[0];
    if (line === undefined) throw new Error('Example 2 has no item');
    line.cost = 16;
    const violations = await evaluateRules(crmcom, 'response', { data }, 'update-ok');
    expect(violations).toEqual([expect.objectContaining({ rule: 'rule', path: 'data.invoice_item_set[0]', params: { rule: 'item-net-amount' } })]);
    expect(violations[0]?.message).toMatch(/^Rule item-net-amount\. Received: quantity = 2, cost = 16, net_amount = 30 \/ Documented: An item's net_amount is quantity x cost/);
  });

  it('apply only to the documented responses they name (not to an error answer, nor to an unmatched one)', async () => {
    const changed = await recordedExchange(crmcom, 'update-example-2', repoPath('test/fixtures/issue3/recordings-crmcom-total-changed'));
    expect(await evaluateRules(crmcom, 'response', { data: changed.response.data }, 'not-draft')).toEqual([]);
    expect(await evaluateRules(crmcom, 'response', { data: changed.response.data }, null)).toEqual([]);
  });
});

describe('evaluateRules mechanics', () => {
  let opsplanning: Contract;
  let markPaid: RecordedExchange;
  beforeAll(async () => {
    opsplanning = await shippedContract('opsplanning/UpdateInvoicePaymentStatus');
    markPaid = await recordedExchange(opsplanning, 'mark-paid');
  });

  function withRule(rule: RuleSpec): Contract {
    return { ...opsplanning, rules: [rule] };
  }

  it('binds the SOAP header as $header', async () => {
    const rule = { id: 'account-named', description: 'The account is Revcorp-min', assert: "$header.OpsAuthenticationHeader.AccountName = 'Revcorp-min'" };
    const input = markPaid.header === undefined ? { data: markPaid.request } : { data: markPaid.request, header: markPaid.header };
    expect(await evaluateRules(withRule(rule), 'request', input)).toEqual([]);
    expect(await evaluateRules(withRule({ ...rule, assert: "$header.OpsAuthenticationHeader.AccountName = 'Other'" }), 'request', input)).toEqual([
      expect.objectContaining({ params: { rule: 'account-named' }, message: 'Rule account-named. Received: a message that breaks this rule / Documented: The account is Revcorp-min.' }),
    ]);
  });

  it('reports a rule whose expression fails at evaluation as rule-error, naming the rule, instead of throwing', async () => {
    const rule = { id: 'not-a-number', description: 'x', assert: "$number('twelve') > 0" };
    expect(await evaluateRules(withRule(rule), 'request', { data: markPaid.request })).toEqual([
      expect.objectContaining({ rule: 'rule-error', path: 'not-a-number', severity: 'error', params: { rule: 'not-a-number' }, message: expect.stringMatching(/^Rule not-a-number could not be evaluated: /) as unknown }),
    ]);
  });

  it('evaluates only the rules of the side asked for (request rules never run on responses)', async () => {
    expect(await evaluateRules(withRule({ id: 'never', description: 'x', assert: 'false' }), 'response', { data: {} }, 'update-ok')).toEqual([]);
  });
});
