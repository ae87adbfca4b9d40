import { applyExpectedRules } from '../../src/rules/expected-rules.ts';
import type { CaseCheck } from '../check.ts';
import { onRecorded } from './recorded.ts';

/** The recorded request keeps the contract's rules (conditional requirements, exclusivity, arithmetic). */
export const requestRules: CaseCheck = {
  id: 'request.rules',
  title: "The request keeps the contract's rules (conditions, exclusivity, arithmetic)",
  suite: 'request-building',
  scope: 'case',
  appliesTo: (contract) => (contract.rules ?? []).some((r) => (r.on ?? 'request') === 'request'),
  run: (ctx) => onRecorded(ctx, (r) => applyExpectedRules(r.requestRules, ctx.case.expect.rules)),
};
