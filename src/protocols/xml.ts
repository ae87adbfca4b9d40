import { buildXml } from '../codec/xml/build-xml.ts';
import { parseXml } from '../codec/xml/parse-xml.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import type { Contract } from '../types/contract.ts';
import { violation } from '../model/violation.ts';
import type { DecodedRequest, MessageBody, Protocol, RequestPayload } from './protocol.ts';
import { json } from './json.ts';
import { checkPayloadElement } from './shared/check-payload-element.ts';
import { decodeXmlFields } from './shared/decode-xml-fields.ts';
import { toXmlNodes, usesNil, XSI_NS } from './shared/to-xml-nodes.ts';
import { xmlProblemToViolation } from './shared/xml-problem.ts';

/** Plain XML over HTTP (REST): the document element is the payload. */
export const xml: Protocol = {
  name: 'xml',
  flavor: 'xml',
  serialize(contract: Contract, payload: RequestPayload): string {
    // A request without a document element (a GET) has no body.
    if (contract.request.element === undefined) return '';
    const ns = contract.namespace ?? '';
    const prefixes: Record<string, string> = ns === '' ? {} : { [ns]: contract.prefix ?? 'ns1' };
    if (usesNil(payload.body)) prefixes[XSI_NS] = 'xsi';
    return buildXml({ ns, local: contract.request.element ?? '', children: toXmlNodes(contract.request.fields, payload.body, ns) }, { prefixes });
  },
  readMessage(body: string, document?: XmlElement): MessageBody {
    if (body.trim() === '') return { kind: 'empty' };
    // Real InvoiceXpress-style services answer some errors in JSON even on XML endpoints.
    if (/^\s*[[{]/.test(body)) return json.readMessage(body);
    if (document !== undefined) return xmlMessage(document);
    const parsed = parseXml(body, { forbidProcessingInstructions: false });
    if (!parsed.ok) return { kind: 'unreadable', problem: xmlProblemToViolation(parsed.problem) };
    return xmlMessage(parsed.value);
  },
  decodeRequest(contract: Contract, message: MessageBody): DecodedRequest {
    if (contract.request.element === undefined) return decodeNoBody(message);
    if (message.kind === 'unreadable') return { body: null, violations: [message.problem] };
    if (message.kind !== 'xml' || message.payload === undefined) {
      return { body: null, violations: [violation('xml-body', '/', `Received: ${message.kind === 'empty' ? 'an empty body' : 'a non-XML body'} / Documented: an XML <${contract.request.element ?? ''}> document.`)] };
    }
    const ns = contract.namespace ?? '';
    const root = checkPayloadElement(message.payload, ns, contract.request.element ?? '', 'root-element');
    const body = decodeXmlFields(message.payload, contract.request.fields, ns);
    return { body: body.value, violations: [...root, ...body.violations] };
  },
};

function xmlMessage(root: XmlElement): MessageBody {
  return { kind: 'xml', root, payload: root, header: undefined, fault: false, violations: [] };
}

/** A request the contract gives no body (a GET): an empty body decodes to no fields. */
function decodeNoBody(message: MessageBody): DecodedRequest {
  if (message.kind === 'empty') return { body: {}, violations: [] };
  return { body: {}, violations: [violation('xml-body', '/', `Received: ${message.kind === 'unreadable' ? 'an unreadable' : `a ${message.kind}`} body / Documented: no body.`)] };
}
