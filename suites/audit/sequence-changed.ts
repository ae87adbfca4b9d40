import { parseTreeKey } from '../../src/audit/tree-key.ts';
import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';
import { orderedAt } from './shared/ordered.ts';

/**
 * Child elements of different names appear in another sequence. Most readers do not care, but
 * XML Schema sequences do: order-sensitive deserializers (.NET XmlSerializer, JAXB) skip
 * out-of-order elements. JSON member order is never compared. Inside a SOAP response body the
 * sequence is ordered, and the change is `drift.sequence-broken` (breaking) instead.
 */
export const sequenceChanged: DriftRule = {
  id: 'drift.sequence-changed',
  severity: 'warning',
  title: 'XML child elements appear in another sequence',
  detect: (ctx) =>
    ctx.differences.flatMap((d) =>
      d.kind === 'sequence' && !orderedAt(ctx, d.at)
        ? [{ path: ctx.path(d.at), before: names(d.before), after: names(d.after), message: `The children of ${fieldName(d.at, ctx.style)} are in another order; readers bound to an XML Schema sequence may skip elements.` }]
        : [],
    ),
};

function names(keys: readonly string[]): string {
  return keys.map((k) => parseTreeKey(k).local).join(', ');
}
