import type { XmlElement } from '../../codec/xml/xml-element.ts';
import type { Contract, FieldSpec } from '../../types/contract.ts';
import { violation, type Violation } from '../../model/violation.ts';
import type { MessageBody } from '../protocol.ts';

/**
 * Elements out of the declared order where the contract says a request element's children are
 * ordered (an xs:sequence): the operation or root element, each SOAP header block and each object
 * field, as `request.ordered` and each field's `ordered` say. Undocumented elements are left to
 * the namespace check. A WCF service skips an element out of sequence, so its value is lost.
 */
export function requestSequenceViolations(contract: Contract, message: MessageBody): Violation[] {
  if (message.kind !== 'xml') return [];
  const ordered = contract.request.ordered ?? false;
  const body = message.payload === undefined || message.fault ? [] : sequenceViolations(message.payload, contract.request.fields, ordered, '');
  const header = message.header === undefined ? [] : message.header.children.flatMap((block) => {
    const field = (contract.request.header ?? []).find((f) => f.name === block.local);
    return field === undefined ? [] : sequenceViolations(block, field.fields ?? [], field.ordered ?? ordered, `/Header/${block.local}`);
  });
  return [...header, ...body];
}

/** The children of `el` against `fields`, then each object child against its own fields. */
export function sequenceViolations(el: XmlElement, fields: readonly FieldSpec[], ordered: boolean, path: string): Violation[] {
  const known = el.children.flatMap((child) => {
    const index = fields.findIndex((f) => f.name === child.local);
    const field = fields[index];
    return field === undefined ? [] : [{ child, index, field }];
  });
  const kept = ordered ? inOrder(known.map((k) => k.index)) : new Set(known.map((_, i) => i));
  const out: Violation[] = [];
  known.forEach((k, i) => {
    if (!kept.has(i)) out.push(outOfOrder(k.child.local, k.index, fields, known[i - 1]?.child.local, `${path}/${k.child.local}`));
    if (k.field.type === 'object' && k.field.open !== true) out.push(...sequenceViolations(k.child, k.field.fields ?? [], k.field.ordered ?? ordered, `${path}/${k.child.local}`));
  });
  return out;
}

/**
 * Positions of the longest run of elements already in order (longest non-decreasing subsequence, so
 * a repeated element may repeat): the others are the ones out of place.
 */
function inOrder(indexes: readonly number[]): Set<number> {
  const length = indexes.map(() => 1);
  const previous = indexes.map(() => -1);
  for (let i = 0; i < indexes.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((indexes[j] ?? 0) <= (indexes[i] ?? 0) && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
  }
  let at = length.indexOf(Math.max(0, ...length));
  const kept = new Set<number>();
  while (at >= 0) {
    kept.add(at);
    at = previous[at] ?? -1;
  }
  return kept;
}

function outOfOrder(name: string, index: number, fields: readonly FieldSpec[], receivedAfter: string | undefined, at: string): Violation {
  const before = fields[index - 1]?.name;
  const after = fields[index + 1]?.name;
  const documented = [before === undefined ? undefined : `after <${before}>`, after === undefined ? undefined : `before <${after}>`].filter((x) => x !== undefined).join(' and ');
  return violation(
    'sequence',
    at,
    `Received: <${name}> out of order${receivedAfter === undefined ? ' (first)' : ` (after <${receivedAfter}>)`} / Documented: <${name}> comes ${documented} (xs:sequence). A service that reads by sequence (WCF, zeep) skips an element out of order and its value is lost: send the elements in the documented order.`,
    { element: name },
  );
}
