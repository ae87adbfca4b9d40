import type { CaseCheck } from '../check.ts';
import { headerMismatch, onRecorded } from './recorded.ts';

/** The SOAPAction header is exactly the documented value (quotes included). */
export const soapAction: CaseCheck = {
  id: 'request.soap-action',
  title: 'SOAPAction header is exactly the documented value',
  suite: 'request-building',
  scope: 'case',
  appliesTo: (contract) => contract.protocol === 'soap11',
  run: (ctx) =>
    onRecorded(ctx, (r) => {
      const documented = ctx.contract.transport.soapAction ?? '';
      const received = r.request.headers['soapaction'];
      return received === documented ? [] : [headerMismatch('soapaction', received, documented, 'Send the SOAPAction exactly as documented; SOAP 1.1 routes on it.')];
    }),
};
