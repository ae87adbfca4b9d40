import { parseTreeKey } from '../../src/audit/tree-key.ts';
import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';
import { orderedAt } from './shared/ordered.ts';

/**
 * Child elements of an ordered sequence (a SOAP response body, described by the WSDL's
 * `xs:sequence`) appear in another order. Strict readers fail on it: zeep raises on an
 * out-of-order element, .NET XmlSerializer and DataContract readers silently drop it.
 */
export const sequenceBroken: DriftRule = {
  id: 'drift.sequence-broken',
  severity: 'breaking',
  title: "Elements of an ordered xs:sequence appear in another order",
  breaks: "strict schema readers: zeep (default mode) raises on an out-of-order element, .NET XmlSerializer and WCF DataContract readers drop it silently; readers that look elements up by name (node-soap, XPath) are unaffected",
  detect: (ctx) =>
    ctx.differences.flatMap((d) =>
      d.kind === 'sequence' && orderedAt(ctx, d.at)
        ? [{ path: ctx.path(d.at), before: names(d.before), after: names(d.after), message: `The children of ${fieldName(d.at, ctx.style)} are in another order, and the WSDL declares them as an ordered xs:sequence.` }]
        : [],
    ),
};

function names(keys: readonly string[]): string {
  return keys.map((k) => parseTreeKey(k).local).join(', ');
}
