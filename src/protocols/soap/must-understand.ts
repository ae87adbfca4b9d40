import type { XmlElement } from '../../codec/xml/xml-element.ts';
import type { Contract } from '../../types/contract.ts';
import { violation, type Violation } from '../../model/violation.ts';
import type { MessageBody } from '../protocol.ts';

const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/**
 * Header blocks marked `mustUnderstand="1"` (SOAP 1.1 section 4.2.3) that the contract does not
 * declare: a SOAP 1.1 service must answer them with a MustUnderstand fault (WCF does), whatever
 * else the request holds.
 */
export function notUnderstoodHeaders(contract: Contract, message: MessageBody): XmlElement[] {
  if (message.kind !== 'xml' || message.header === undefined) return [];
  const ns = contract.namespace ?? '';
  return message.header.children.filter((block) => {
    const flag = block.attributes.find((a) => a.ns === SOAP11_NS && a.local === 'mustUnderstand')?.value.trim();
    if (flag !== '1' && flag !== 'true') return false;
    return !(contract.request.header ?? []).some((f) => f.name === block.local && (f.namespace ?? ns) === block.ns);
  });
}

/** The not-understood header blocks as violations of the request. */
export function mustUnderstandViolations(contract: Contract, message: MessageBody): Violation[] {
  return notUnderstoodHeaders(contract, message).map((block) =>
    violation(
      'must-understand',
      `/Header/${block.local}`,
      `Received: header block ${block.ns === '' ? block.local : `{${block.ns}}${block.local}`} with mustUnderstand="1" / Documented: ${(contract.request.header ?? []).length === 0 ? 'no header blocks' : `header blocks ${(contract.request.header ?? []).map((f) => f.name).join(', ')}`}. The service answers a MustUnderstand fault: drop the block or its mustUnderstand attribute.`,
      { header: block.local, namespace: block.ns },
    ),
  );
}
