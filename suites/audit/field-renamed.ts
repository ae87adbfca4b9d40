import { parseTreeKey } from '../../src/audit/tree-key.ts';
import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';

/** A field disappeared and another appeared at the same parent with the same value: a rename. */
export const fieldRenamed: DriftRule = {
  id: 'drift.field-renamed',
  severity: 'breaking',
  title: 'A field was renamed (same parent, same value, another name)',
  breaks: 'every reader of the old name; strict schema readers also reject the new, undeclared one',
  detect: (ctx) =>
    ctx.differences.flatMap((d) =>
      d.kind === 'renamed'
        ? [{ path: ctx.path(d.at), before: keyName(d.at.at(-1)), after: keyName(d.to.at(-1)), message: `${fieldName(d.at, ctx.style)} is now ${fieldName(d.to, ctx.style)}, with the same value; readers of the old name find nothing.` }]
        : [],
    ),
};

function keyName(segment: string | number | undefined): string {
  return typeof segment === 'string' ? parseTreeKey(segment).local : String(segment);
}
