import type { Contract } from '../../types/contract.ts';
import { hasErrors } from '../../model/violation.ts';
import type { VendorValue } from '../../mapping/vendor-value.ts';
import { evaluateRules } from '../../rules/evaluate-rules.ts';
import { isAcceptedDeparture, strictViolations } from '../../model/strictness.ts';
import type { Decision } from './sim-types.ts';

/**
 * The answer to a request that breaks one of the contract's rules (error severity; with `strict`, also
 * a rule the vendor's stack does not enforce): the rule's own
 * documented response when it names one, else the vendor's generic invalid-request answer.
 * Undefined when every rule holds.
 */
export async function brokenRule(contract: Contract, body: VendorValue, header: VendorValue | undefined, strict = false, notes: string[] = []): Promise<Decision | undefined> {
  const evaluated = await evaluateRules(contract, 'request', header === undefined ? { data: body } : { data: body, header });
  // A rule the vendor's stack does not enforce (`accepted`) is refused only when strict.
  const violations = strict ? strictViolations(evaluated) : evaluated;
  for (const v of violations) if (isAcceptedDeparture(v)) notes.push(`warning rule ${String(v.params?.['rule'])} (accepted: ${String(v.params?.['accepted'])})`);
  const errors = violations.filter((v) => v.severity === 'error');
  if (!hasErrors(errors)) return undefined;
  const withResponse = errors.map((v) => ({ v, rule: (contract.rules ?? []).find((r) => r.id === v.params?.['rule']) })).find((x) => x.rule?.response !== undefined);
  if (withResponse?.rule?.response !== undefined) return { response: withResponse.rule.response };
  // The vendor's generic invalid-request answer keeps its own recorded words; the rule is named in the log.
  return { generic: 'invalid', message: '', reason: `rule ${String(errors[0]?.params?.['rule'] ?? '?')}` };
}
