import { parseTreeKey } from '../../../src/audit/tree-key.ts';
import type { Segment } from '../../../src/audit/tree-value.ts';

/** How a message names the field at a path: `<StatusCode>` for XML elements, `@lang` for attributes, `total_amount` for JSON, `item 2 of <E>` for an occurrence. */
export function fieldName(at: readonly Segment[], style: 'xml' | 'json'): string {
  const last = at.at(-1);
  if (last === undefined) return 'the body';
  if (typeof last === 'number') return `item ${last + 1} of ${fieldName(at.slice(0, -1), style)}`;
  const key = parseTreeKey(last);
  if (key.role === 'text') return `the text of ${fieldName(at.slice(0, -1), style)}`;
  if (key.role === 'attribute') return `attribute @${key.local}`;
  return style === 'xml' ? `<${key.local}>` : key.local;
}
