import type { BehaviourSpec } from '../../../types/contract.ts';
import { valuesAt } from '../../../mapping/values-at.ts';
import type { VendorValue } from '../../../mapping/vendor-value.ts';
import type { Decision, StoredInvoice } from '../sim-types.ts';

/**
 * The refusals a documented behaviour makes before anything changes: a state-guard refuses an
 * invoice whose state is not allowed (not a draft, settled), an optimistic-lock refuses a token
 * that is not the invoice's current one. Undefined when the behaviour lets the update through.
 */
export function guard(spec: BehaviourSpec, invoice: StoredInvoice, body: VendorValue): Decision | undefined {
  const params = spec.params ?? {};
  const response = typeof params['response'] === 'string' ? params['response'] : undefined;
  if (spec.kind === 'state-guard') {
    const allowed = Array.isArray(params['allowed']) ? params['allowed'].map(String) : [];
    if (invoice.state === undefined || allowed.length === 0 || allowed.includes(invoice.state)) return undefined;
    // A documented response keeps the vendor's own recorded message; a generic one says why.
    return response === undefined ? { generic: 'invalid', message: `${spec.description} (the invoice is ${invoice.state})` } : { response };
  }
  if (spec.kind === 'optimistic-lock') {
    const sent = sentToken(params['tokenIn'], body);
    if (sent === undefined || invoice.token === undefined || sent === invoice.token) return undefined;
    return response === undefined ? { generic: 'invalid', message: spec.description } : { response };
  }
  return undefined;
}

/** The lock token the request sends, if any (an empty one counts as none). */
export function sentToken(path: unknown, body: VendorValue): string | undefined {
  if (typeof path !== 'string') return undefined;
  const value = valuesAt(body, path)[0];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
