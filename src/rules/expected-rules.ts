import { violation, type Violation } from '../model/violation.ts';

/**
 * Reconcile rule violations with the rules a negative case breaks on purpose: expected ones are
 * dropped, an expected rule that held is itself a violation, everything else is kept.
 */
export function applyExpectedRules(violations: readonly Violation[], expected: readonly string[] = []): Violation[] {
  if (expected.length === 0) return [...violations];
  const broken = new Set(violations.filter((v) => v.rule === 'rule').map((v) => String(v.params?.['rule'])));
  const kept = violations.filter((v) => !(v.rule === 'rule' && expected.includes(String(v.params?.['rule']))));
  const held = expected.filter((id) => !broken.has(id));
  return [...kept, ...held.map((id) => violation('expected-rule-held', id, `Received: a request that satisfies rule ${id} / Documented: this negative case breaks ${id} on purpose. Fix the case input or its expect.rules.`))];
}
