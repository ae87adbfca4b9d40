import { buildXml, type XmlBuildNode } from '../codec/xml/build-xml.ts';
import { parseXml } from '../codec/xml/parse-xml.ts';
import { firstChild, type XmlElement } from '../codec/xml/xml-element.ts';
import type { Contract } from '../types/contract.ts';
import { violation, type Violation } from '../model/violation.ts';
import type { DecodedRequest, MessageBody, Protocol, RequestPayload } from './protocol.ts';
import { decodeXmlFields } from './shared/decode-xml-fields.ts';
import { checkPayloadElement } from './shared/check-payload-element.ts';
import { toXmlNodes, usesNil, XSI_NS } from './shared/to-xml-nodes.ts';
import { xmlProblemToViolation } from './shared/xml-problem.ts';

/** The SOAP 1.1 envelope namespace. */
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** The SOAP 1.2 envelope namespace (recognised only to explain a version mismatch). */
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';

/** SOAP 1.1 over HTTP: envelope in, envelope out, Faults recognised as outcomes. */
export const soap11: Protocol = {
  name: 'soap11',
  flavor: 'xml',
  serialize(contract: Contract, payload: RequestPayload): string {
    const ns = contract.namespace ?? '';
    const header = contract.request.header === undefined ? [] : [{ ns: SOAP11_NS, local: 'Header', children: toXmlNodes(contract.request.header, payload.header, ns) }];
    const operation: XmlBuildNode = { ns, local: contract.request.element ?? '', children: toXmlNodes(contract.request.fields, payload.body, ns) };
    const envelope: XmlBuildNode = { ns: SOAP11_NS, local: 'Envelope', children: [...header, { ns: SOAP11_NS, local: 'Body', children: [operation] }] };
    const prefixes: Record<string, string> = { [SOAP11_NS]: 'soapenv', [ns]: contract.prefix ?? 'ns1' };
    if (usesNil(payload.body) || usesNil(payload.header)) prefixes[XSI_NS] = 'xsi';
    return buildXml(envelope, { prefixes });
  },
  readMessage(body: string, document?: XmlElement): MessageBody {
    if (body.trim() === '') return { kind: 'empty' };
    if (document !== undefined) return readEnvelope(document);
    const parsed = parseXml(body, { forbidProcessingInstructions: true });
    if (!parsed.ok) return { kind: 'unreadable', problem: xmlProblemToViolation(parsed.problem) };
    return readEnvelope(parsed.value);
  },
  decodeRequest(contract: Contract, message: MessageBody): DecodedRequest {
    if (message.kind !== 'xml') return { body: null, violations: [notXml(message)] };
    const ns = contract.namespace ?? '';
    const violations: Violation[] = [...message.violations];
    const header = message.header === undefined || contract.request.header === undefined ? undefined : decodeXmlFields(message.header, contract.request.header, ns, '/Header');
    if (header !== undefined) violations.push(...header.violations);
    if (message.payload === undefined) return { body: null, violations };
    violations.push(...checkPayloadElement(message.payload, ns, contract.request.element ?? '', 'operation-element'));
    const body = decodeXmlFields(message.payload, contract.request.fields, ns);
    return { ...(header === undefined ? {} : { header: header.value }), body: body.value, violations: [...violations, ...body.violations] };
  },
};

function readEnvelope(root: XmlElement): MessageBody {
  const violations: Violation[] = [];
  if (root.local !== 'Envelope' || root.ns !== SOAP11_NS) {
    const version = root.ns === SOAP12_NS ? ' (this is a SOAP 1.2 envelope)' : '';
    violations.push(violation('soap-envelope', '/Envelope', `Received: <{${root.ns}}${root.local}>${version} / Documented: a SOAP 1.1 <{${SOAP11_NS}}Envelope>.`));
    return { kind: 'xml', root, payload: undefined, header: undefined, fault: false, violations };
  }
  const body = firstChild(root, SOAP11_NS, 'Body');
  const bodies = root.children.filter((c) => c.ns === SOAP11_NS && c.local === 'Body').length;
  if (bodies !== 1) violations.push(violation('soap-envelope', '/Envelope/Body', `Received: an Envelope with ${bodies === 0 ? 'no' : bodies} Body elements / Documented: a SOAP 1.1 Envelope has exactly one <{${SOAP11_NS}}Body>.`));
  const payload = body?.children[0];
  const fault = payload !== undefined && payload.ns === SOAP11_NS && payload.local === 'Fault';
  const hasFault = body?.children.some((c) => c.ns === SOAP11_NS && c.local === 'Fault') ?? false;
  if (hasFault && (body?.children.length ?? 0) > 1) {
    violations.push(violation('soap-fault', '/Envelope/Body/Fault', `Received: a Body with a Fault and ${(body?.children.length ?? 1) - 1} other element(s) / Documented: a SOAP 1.1 Fault must be the only element of the Body (SOAP 1.1 §4.4).`));
  }
  return { kind: 'xml', root, payload, header: firstChild(root, SOAP11_NS, 'Header'), fault, violations };
}

function notXml(message: MessageBody): Violation {
  if (message.kind === 'unreadable') return message.problem;
  return violation('soap-envelope', '/', `Received: ${message.kind === 'empty' ? 'an empty body' : 'JSON'} / Documented: a SOAP 1.1 envelope.`);
}
