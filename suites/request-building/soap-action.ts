import { soapActionViolations } from '../../src/protocols/transport-departures.ts';
import type { CaseCheck } from '../check.ts';
import { onRecorded } from './recorded.ts';

/**
 * The SOAPAction header is the documented value. Unquoted (and, where the service does not route
 * on it, missing) is a warning with the reason; any other value fails.
 */
export const soapAction: CaseCheck = {
  id: 'request.soap-action',
  title: 'SOAPAction header is the documented value',
  suite: 'request-building',
  scope: 'case',
  appliesTo: (contract) => contract.protocol === 'soap11',
  run: (ctx) => onRecorded(ctx, (r) => soapActionViolations(ctx.contract, r.request.headers['soapaction'])),
};
