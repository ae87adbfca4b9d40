import type { DriftRule } from '../../src/audit/drift-rule.ts';

/** The HTTP status of a case changed. Clients branch on status codes. */
export const statusChanged: DriftRule = {
  id: 'drift.status-changed',
  severity: 'breaking',
  title: 'The HTTP status of the response changed',
  breaks: 'clients that branch on the HTTP status (most SOAP stacks raise on 500; REST clients map 4xx/5xx to errors)',
  detect: (ctx) => {
    const b = ctx.baseline?.status;
    const c = ctx.current?.status;
    if (b === undefined || c === undefined || b === c) return [];
    return [{ path: 'response.status', before: b, after: c, message: `The vendor now answers HTTP ${c} where it answered HTTP ${b}.` }];
  },
};
