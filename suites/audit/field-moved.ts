import type { DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';

/** The same name and value now sit under another parent. */
export const fieldMoved: DriftRule = {
  id: 'drift.field-moved',
  severity: 'breaking',
  title: 'A field moved to another parent (same name, same value)',
  breaks: 'every reader of the old path (XPath, zeep attribute access, JSON property access); readers that search by name anywhere (//name) still find it',
  detect: (ctx) =>
    ctx.differences.flatMap((d) =>
      d.kind === 'moved'
        ? [{ path: ctx.path(d.at), before: ctx.path(d.at), after: ctx.path(d.to), message: `${fieldName(d.at, ctx.style)} moved to another parent with the same value; readers of the old path find nothing.` }]
        : [],
    ),
};
