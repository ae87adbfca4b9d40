import type { HttpRequest } from '../../model/http.ts';
import { violation, type Violation } from '../../model/violation.ts';
import type { MessageBody } from '../protocol.ts';
import { mediaTypeOf } from '../response-media-type.ts';

/** The SOAP 1.2 envelope namespace. */
export const SOAP12_ENVELOPE_NS = 'http://www.w3.org/2003/05/soap-envelope';
/** The SOAP 1.2 media type. */
export const SOAP12_MEDIA_TYPE = 'application/soap+xml';

/** True when the request's Content-Type is SOAP 1.2's. */
export function isSoap12ContentType(request: HttpRequest): boolean {
  return mediaTypeOf(request.headers['content-type']) === SOAP12_MEDIA_TYPE;
}

/** True when the body is a SOAP 1.2 envelope. */
export function isSoap12Envelope(message: MessageBody): boolean {
  return message.kind === 'xml' && message.root.local === 'Envelope' && message.root.ns === SOAP12_ENVELOPE_NS;
}

/**
 * SOAP 1.2 sent to a SOAP 1.1 service, by content type and by envelope, each naming the version:
 * WCF answers the content type with 415 Unsupported Media Type, and a SOAP 1.2 envelope under
 * text/xml with a VersionMismatch fault (SOAP 1.1 section 4.4.1).
 */
export function soapVersionViolations(request: HttpRequest, message: MessageBody): Violation[] {
  const out: Violation[] = [];
  if (isSoap12ContentType(request)) {
    out.push(violation('soap-version', 'header content-type', `Received: Content-Type ${request.headers['content-type'] ?? ''} (SOAP 1.2) / Documented: text/xml (SOAP 1.1). A SOAP 1.1 service refuses it (WCF: 415 Unsupported Media Type): send text/xml and a SOAPAction header.`, { version: '1.2' }));
  }
  if (isSoap12Envelope(message)) {
    out.push(violation('soap-version', '/Envelope', `Received: a SOAP 1.2 envelope ({${SOAP12_ENVELOPE_NS}}Envelope) / Documented: a SOAP 1.1 envelope (http://schemas.xmlsoap.org/soap/envelope/). The service answers a VersionMismatch fault: build the request with SOAP 1.1.`, { version: '1.2' }));
  }
  return out;
}
