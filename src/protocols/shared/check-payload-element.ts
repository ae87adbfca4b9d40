import type { XmlElement } from '../../codec/xml/xml-element.ts';
import { violation, type Violation } from '../../model/violation.ts';

/** Check that the payload element has the documented namespace URI and local name. */
export function checkPayloadElement(el: XmlElement, ns: string, local: string, rule: string): Violation[] {
  if (el.ns === ns && el.local === local) return [];
  const received = el.ns === '' ? `<${el.local}> (no namespace)` : `<{${el.ns}}${el.local}>`;
  const documented = ns === '' ? `<${local}> (no namespace)` : `<{${ns}}${local}>`;
  const detail = el.local === local ? 'namespace' : rule;
  return [violation(detail, `/${el.local}`, `Received: ${received} / Documented: ${documented}. Prefixes do not matter; the namespace URI and name do.`, { expected: ns, received: el.ns })];
}
