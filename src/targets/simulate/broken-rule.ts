import type { Contract } from '../../types/contract.ts';
import { hasErrors } from '../../model/violation.ts';
import type { VendorValue } from '../../mapping/vendor-value.ts';
import { evaluateRules } from '../../rules/evaluate-rules.ts';
import type { Decision } from './sim-types.ts';

/**
 * The answer to a request that breaks one of the contract's rules (error severity): the rule's own
 * documented response when it names one, else the vendor's generic invalid-request answer.
 * Undefined when every rule holds.
 */
export async function brokenRule(contract: Contract, body: VendorValue, header: VendorValue | undefined): Promise<Decision | undefined> {
  const violations = await evaluateRules(contract, 'request', header === undefined ? { data: body } : { data: body, header });
  const errors = violations.filter((v) => v.severity === 'error');
  if (!hasErrors(errors)) return undefined;
  const withResponse = errors.map((v) => ({ v, rule: (contract.rules ?? []).find((r) => r.id === v.params?.['rule']) })).find((x) => x.rule?.response !== undefined);
  if (withResponse?.rule?.response !== undefined) return { response: withResponse.rule.response };
  return { generic: 'invalid', message: errors[0]?.message ?? 'The request breaks a documented rule.' };
}
