import { applyExpectedRules } from '../../src/rules/expected-rules.ts';
import { always, type CaseCheck } from '../check.ts';

/**
 * The case's canonical input maps onto every required vendor field and the request it builds keeps
 * the contract's rules (a negative case breaks exactly the rules it names in expect.rules).
 */
export const buildFromInput: CaseCheck = {
  id: 'request.build',
  title: 'The canonical input maps onto every required field and the built request keeps the rules',
  suite: 'request-building',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => applyExpectedRules([...ctx.built.violations, ...ctx.builtRules], ctx.case.expect.rules),
};
