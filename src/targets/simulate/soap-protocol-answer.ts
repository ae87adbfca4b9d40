import type { Contract } from '../../types/contract.ts';
import type { HttpRequest, HttpResponse } from '../../model/http.ts';
import { escapeXmlText } from '../../codec/xml/escape-xml.ts';
import { soap11 } from '../../protocols/soap11.ts';
import { notUnderstoodHeaders } from '../../protocols/soap/must-understand.ts';
import { isSoap12ContentType, isSoap12Envelope, SOAP12_ENVELOPE_NS } from '../../protocols/soap/soap-version.ts';
import { mediaTypeOf } from '../../protocols/response-media-type.ts';

/** An answer the SOAP stack gives before the operation runs, and why (for the simulator log). */
export interface ProtocolAnswer {
  readonly response: HttpResponse;
  readonly note: string;
}

const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/**
 * What a SOAP 1.1 stack (WCF, ASMX) answers before it reads the operation: 415 for SOAP 1.2's
 * content type, a VersionMismatch fault for a SOAP 1.2 envelope, a MustUnderstand fault for a
 * mustUnderstand="1" header block the service does not know. Undefined when none applies.
 */
export function soapProtocolAnswer(contract: Contract, request: HttpRequest): ProtocolAnswer | undefined {
  if (contract.protocol !== 'soap11') return undefined;
  if (isSoap12ContentType(request)) {
    const received = request.headers['content-type'] ?? '';
    // WCF's own text for a binding mismatch (HTTP 415).
    const body = `Cannot process the message because the content type '${received}' was not the expected type '${contract.transport.contentType}'.`;
    return { response: { status: 415, headers: { 'content-type': 'text/plain; charset=utf-8' }, body }, note: `request.soap-version: SOAP 1.2 content type ${mediaTypeOf(received)}` };
  }
  const message = soap11.readMessage(request.body);
  if (isSoap12Envelope(message)) {
    const text = `Possible SOAP version mismatch: Envelope namespace ${SOAP12_ENVELOPE_NS} was unexpected. Expecting ${SOAP11_NS}.`;
    return { response: fault('VersionMismatch', text), note: 'request.soap-version: SOAP 1.2 envelope' };
  }
  const [block] = notUnderstoodHeaders(contract, message);
  if (block !== undefined) {
    const name = block.ns === '' ? block.local : `{${block.ns}}${block.local}`;
    return { response: fault('MustUnderstand', `SOAP header ${block.local} was not understood.`), note: `request.must-understand: header block ${name}` };
  }
  return undefined;
}

/** A SOAP 1.1 fault envelope (section 4.4), as a 500 in text/xml. */
export function fault(code: string, text: string): HttpResponse {
  const body = `<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><s:Fault><faultcode>s:${code}</faultcode><faultstring xml:lang="en-US">${escapeXmlText(text)}</faultstring></s:Fault></s:Body></s:Envelope>`;
  return { status: 500, headers: { 'content-type': 'text/xml; charset=utf-8' }, body };
}
