import type { PairContext } from '../../../src/audit/pair-context.ts';
import type { Segment } from '../../../src/audit/tree-value.ts';

/**
 * True when the children at `at` form an ordered sequence for the vendor's readers: inside the
 * Body of a SOAP 1.1 response. SOAP document/literal messages are described by the WSDL's
 * `xs:sequence` types (EBizCharge's WSDL in vendor-material/ebizcharge/eBizService.wsdl declares
 * every type as `xs:sequence`, none as `xs:all`), and the SOAP 1.1 Fault's children are an
 * `xs:sequence` too (soap11-envelope.xsd). See docs/decisions/0014-audit-evidence.md.
 */
export function orderedAt(ctx: PairContext, at: readonly Segment[]): boolean {
  if (ctx.spec?.protocol !== 'soap11') return false;
  const body = ctx.current?.body;
  if (body === undefined || body.kind !== 'xml') return false;
  // payloadPath is [Envelope, Body, payload]: ordered from the Body down.
  const bodyPath = body.payloadPath.slice(0, 2);
  return bodyPath.length === 2 && at.length >= 2 && bodyPath.every((s, i) => s === at[i]);
}
