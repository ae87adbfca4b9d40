import type { Contract, ResponseSpec } from '../types/contract.ts';

/** The media type of a Content-Type header value, lower-case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const XML = (m: string): boolean => m === 'text/xml' || m === 'application/xml' || (m.endsWith('+xml') && m !== 'application/soap+xml');
const JSON_TYPE = (m: string): boolean => m === 'application/json' || m.endsWith('+json');

/**
 * Why a response's Content-Type does not fit the documented response it matched, or undefined.
 * An XML body needs an XML media type (a SOAP 1.1 answer `text/xml`; `application/soap+xml` is
 * SOAP 1.2), a JSON body a JSON one. Empty and `body: any` responses (InvoiceXpress's 404 pages)
 * take any type.
 */
export function mediaTypeProblem(contract: Contract, spec: ResponseSpec, contentType: string | undefined): string | undefined {
  const kind = spec.match.body ?? (contract.protocol === 'json' ? 'json' : 'xml');
  if (kind === 'any' || kind === 'empty') return undefined;
  const media = mediaTypeOf(contentType);
  const fits = kind === 'json' ? JSON_TYPE(media) : contract.protocol === 'soap11' ? media === 'text/xml' : XML(media);
  if (fits) return undefined;
  const documented = kind === 'json' ? 'application/json' : contract.protocol === 'soap11' ? 'text/xml (SOAP 1.1)' : 'application/xml or text/xml';
  return `Received: Content-Type ${contentType === undefined ? '(none)' : contentType} / Documented: ${documented} for the response "${spec.name}".`;
}
