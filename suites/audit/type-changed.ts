import type { DriftFinding, DriftRule } from '../../src/audit/drift-rule.ts';
import { fieldName } from './shared/field-name.ts';
import { valueChanges } from './shared/value-verdict.ts';

/**
 * A value changed type as a parser sees it (a number becomes a string, base64 becomes free text,
 * an object becomes a scalar), or the whole body changed kind (XML, JSON, empty, unreadable).
 * Free text that now looks like a number, or an integer that becomes a decimal where the contract
 * does not say integer, is not a type change.
 */
export const typeChanged: DriftRule = {
  id: 'drift.type-changed',
  severity: 'breaking',
  title: 'A value, or the whole body, changed type',
  breaks: 'readers that bind the value to a type (zeep and .NET schema bindings, typed JSON decoders); readers that keep it as text may cope',
  detect: (ctx) => {
    const body: DriftFinding[] = ctx.differences.flatMap((d) =>
      d.kind === 'body' ? [{ path: 'response.body', before: d.before, after: d.after, message: `The response body is now ${d.after} where it was ${d.before}; nothing below it was compared.` }] : [],
    );
    const values = valueChanges(ctx, ['type']).map(({ d, cmp }) => ({
      path: ctx.path(d.at),
      at: d.at,
      before: d.before,
      after: d.after,
      message: `${fieldName(d.at, ctx.style)} changed type: ${cmp.before} → ${cmp.after}.`,
    }));
    return [...body, ...values];
  },
};
