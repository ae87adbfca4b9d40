import type { CaseCheck } from '../check.ts';
import { onRecorded } from '../request-building/recorded.ts';

/** The recorded response keeps the contract's response rules (e.g. line and invoice totals add up). */
export const responseRules: CaseCheck = {
  id: 'response.rules',
  title: "The response keeps the contract's rules (e.g. totals add up)",
  suite: 'response-parsing',
  scope: 'case',
  appliesTo: (contract) => (contract.rules ?? []).some((r) => r.on === 'response'),
  run: (ctx) => onRecorded(ctx, (r) => [...r.responseRules]),
};
