import { beforeAll, describe, expect, it } from 'vitest';
import { applyExpectedRules } from '../../../src/rules/expected-rules.ts';
import { violation, type Violation } from '../../../src/model/violation.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { shippedContract } from '../behaviours/recorded-exchange.ts';
import { builtRequestRules, caseInput } from './built-request-rules.ts';

describe('applyExpectedRules', () => {
  let broken: Violation[];
  let ebizNoIdentifier: Violation[];
  const unrelated = violation('required', '/request/Parameters/InvoiceNumber', 'Received: no InvoiceNumber / Documented: InvoiceNumber is required here.');

  beforeAll(async () => {
    const opsplanning: Contract = await shippedContract('opsplanning/UpdateInvoicePaymentStatus');
    broken = await builtRequestRules(opsplanning, caseInput(opsplanning, 'comment-when-unpaid'));
    const ebizcharge: Contract = await shippedContract('ebizcharge/UpdateInvoice');
    ebizNoIdentifier = await builtRequestRules(ebizcharge, caseInput(ebizcharge, 'no-identifier'));
  });

  it('keeps every violation when the case expects no rule', () => {
    expect(broken).toHaveLength(1);
    expect(applyExpectedRules([...broken, unrelated])).toEqual([...broken, unrelated]);
    expect(applyExpectedRules(broken, [])).toEqual(broken);
  });

  it('drops the violations of the rules the case breaks on purpose, and keeps the others', () => {
    expect(applyExpectedRules([...broken, unrelated], ['payment-comment-only-when-paid'])).toEqual([unrelated]);
  });

  it('drops warnings and errors alike when both broken rules are expected (EBizCharge no-identifier)', () => {
    expect(ebizNoIdentifier.map((v) => [v.params?.['rule'], v.severity])).toEqual(
      expect.arrayContaining([
        ['invoice-identified', 'error'],
        ['internal-id-recommended', 'warning'],
      ]),
    );
    expect(applyExpectedRules(ebizNoIdentifier, ['invoice-identified', 'internal-id-recommended'])).toEqual(
      ebizNoIdentifier.filter((v) => !['invoice-identified', 'internal-id-recommended'].includes(String(v.params?.['rule']))),
    );
  });

  it('reports an expected rule that held as expected-rule-held, with the rule id as path', () => {
    expect(applyExpectedRules([unrelated], ['payment-comment-only-when-paid'])).toEqual([
      unrelated,
      {
        rule: 'expected-rule-held',
        path: 'payment-comment-only-when-paid',
        severity: 'error',
        message: 'Received: a request that satisfies rule payment-comment-only-when-paid / Documented: this negative case breaks payment-comment-only-when-paid on purpose. Fix the case input or its expect.rules.',
      },
    ]);
  });

  it('does not take another rule being broken as the expected one', () => {
    expect(applyExpectedRules(broken, ['some-other-rule'])).toEqual([...broken, expect.objectContaining({ rule: 'expected-rule-held', path: 'some-other-rule' })]);
  });
});
