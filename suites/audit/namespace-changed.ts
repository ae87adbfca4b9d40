import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';

/** Same local name at the same place, another namespace URI. Prefixes never count. */
export const namespaceChanged: DriftRule = {
  id: 'drift.namespace-changed',
  severity: 'breaking',
  title: 'An element or attribute is in another namespace',
  breaks: 'namespace-aware readers (zeep, node-soap, .NET, XPath with namespaces); readers that match local names only are unaffected',
  detect: (ctx) =>
    ctx.differences.flatMap((d) =>
      d.kind === 'namespace'
        ? [{ path: ctx.path(d.at), before: d.before, after: d.after, message: `${fieldName(d.at, ctx.style)} (and what it contains in the same namespace) is in another namespace URI; namespace-aware readers no longer find it.` }]
        : [],
    ),
};
