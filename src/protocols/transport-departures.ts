import type { Contract } from '../types/contract.ts';
import { violation, type Violation } from '../model/violation.ts';
import { accepted } from '../model/strictness.ts';
import { mediaTypeOf } from './response-media-type.ts';

const unquote = (v: string): string => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

/**
 * The SOAPAction header against the documented one. Wrong: an error (the service routes it
 * elsewhere or refuses it). Unquoted: a warning (WCF, ASMX and PHP read the bare URI; Specmatic
 * and many hand-written clients send it so). Missing or empty: an error where the service
 * dispatches on it (`soapActionRouting`, WCF's ContractFilter mismatch), else a warning.
 */
export function soapActionViolations(contract: Contract, received: string | undefined): Violation[] {
  const documented = contract.transport.soapAction;
  if (documented === undefined || received === documented) return [];
  const expected = unquote(documented);
  const text = (fix: string): string => `Received: ${received === undefined ? 'no SOAPAction header' : `SOAPAction ${JSON.stringify(received)}`} / Documented: SOAPAction ${JSON.stringify(documented)}. ${fix}`;
  const value = (received ?? '').trim();
  if (value === expected) return [accepted('soapaction', 'header soapaction', text('Quote it as documented.'), 'SOAP stacks (WCF, ASMX, PHP SoapServer) read an unquoted SOAPAction as the same URI, and Specmatic sends it unquoted.', { unquoted: true })];
  if (unquote(value) === '' && contract.transport.soapActionRouting === false) {
    return [accepted('soapaction', 'header soapaction', text('Send it as documented.'), 'this service reads the operation from the body element, not from SOAPAction (PHP SoapServer does not route on it).', { missing: true })];
  }
  return [violation('soapaction', 'header soapaction', text('Send the SOAPAction exactly as documented; the service routes on it.'))];
}

/** The request's Content-Type against the documented one, and the ones the vendor's stack also reads. */
export function contentTypeViolations(contract: Contract, received: string | undefined): Violation[] {
  const t = contract.transport;
  const media = mediaTypeOf(received);
  if (media === mediaTypeOf(t.contentType)) return [];
  const text = `Received: ${received === undefined ? 'no Content-Type header' : `Content-Type ${JSON.stringify(received)}`} / Documented: ${JSON.stringify(t.contentType)}.`;
  if ((t.acceptedContentTypes ?? []).some((a) => mediaTypeOf(a) === media)) {
    return [accepted('content-type', 'header content-type', `${text} Send the documented media type.`, `the vendor's stack reads ${media} as ${mediaTypeOf(t.contentType)} (see the contract's acceptedContentTypes).`)];
  }
  return [violation('content-type', 'header content-type', `${text} Send the documented media type.`)];
}
