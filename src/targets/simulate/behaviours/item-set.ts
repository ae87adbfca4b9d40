import type { BehaviourSpec } from '../../../types/contract.ts';
import { valuesAt } from '../../../mapping/values-at.ts';
import type { VendorValue } from '../../../mapping/vendor-value.ts';
import type { Decision, StoredItem } from '../sim-types.ts';

let nextItem = 1;

/**
 * Apply CRM.COM-style item-set actions (add, update, remove; any case) to a copy of the items.
 * An update or remove naming no existing item is refused, and then nothing changes.
 */
export function applyItemSet(spec: BehaviourSpec, items: readonly StoredItem[], body: VendorValue): StoredItem[] | Decision {
  const p = spec.params ?? {};
  const entries = typeof p['set'] === 'string' ? valuesAt(body, p['set']) : [];
  const out = [...items];
  for (const entry of entries) {
    const action = String(typeof p['action'] === 'string' ? (valuesAt(entry, p['action'])[0] ?? '') : '').toLowerCase();
    const id = typeof p['identifier'] === 'string' ? valuesAt(entry, p['identifier'])[0] : undefined;
    if (action === 'add') {
      out.push({ id: (nextItem++).toString(16).toUpperCase().padStart(32, '0'), data: entry as VendorValue });
      continue;
    }
    const at = out.findIndex((item) => item.id === String(id));
    // CRM.COM documents no text: the words its recorded item-set refusals show; the id goes to the log.
    if (at === -1) return { generic: 'invalid', message: 'The invoice item set is invalid', reason: `item ${String(id ?? '(none)')} to ${action} is not an item of this invoice` };
    if (action === 'remove') out.splice(at, 1);
    else out[at] = { id: String(id), data: entry as VendorValue };
  }
  return out;
}
