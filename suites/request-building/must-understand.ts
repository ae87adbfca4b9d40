import { mustUnderstandViolations } from '../../src/protocols/soap/must-understand.ts';
import type { CaseCheck } from '../check.ts';
import { onRecorded } from './recorded.ts';

/** No header block the contract does not declare is marked mustUnderstand="1" (SOAP 1.1 section 4.2.3). */
export const mustUnderstand: CaseCheck = {
  id: 'request.must-understand',
  title: 'No undeclared SOAP header block carries mustUnderstand="1"',
  suite: 'request-building',
  scope: 'case',
  appliesTo: (contract) => contract.protocol === 'soap11',
  run: (ctx) => onRecorded(ctx, (r) => mustUnderstandViolations(ctx.contract, r.message)),
};
