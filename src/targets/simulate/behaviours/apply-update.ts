import type { BehaviourSpec, Contract } from '../../../types/contract.ts';
import { assertNever } from '../../../model/result.ts';
import { valuesAt } from '../../../mapping/values-at.ts';
import { isVendorObject, type VendorObject, type VendorValue } from '../../../mapping/vendor-value.ts';
import type { InvoiceStore } from '../invoice-store.ts';
import type { Decision, RecordRef, StoredInvoice, StoredItem } from '../sim-types.ts';
import { withoutCredentials } from '../without-credentials.ts';
import { applyItemSet } from './item-set.ts';

/** What an applied update changed for the answer: values to fill into the success response. */
export interface Applied {
  readonly fills: Readonly<Record<string, unknown>>;
}

/** Everything an update's behaviours need besides the invoice. */
export interface UpdateInput {
  readonly contract: Contract;
  readonly record: RecordRef;
  readonly body: VendorValue;
  readonly store: InvoiceStore;
  /** The next optimistic-lock token after `previous` (per vendor: how the vendor forms it). */
  readonly nextToken: (previous: string | undefined) => string;
  /** The notes entry an update appends for `text` (per vendor: CRM.COM stamps it). @default the text */
  readonly noteEntry?: (text: string) => string;
}

/**
 * Apply an accepted update to a stored invoice, behaviour by behaviour as the contract declares
 * them: fields merged (partial-update) or replaced (omit-clears), items replaced whole or changed
 * by set actions, notes appended, an unknown client created, a new lock token issued.
 */
export function applyUpdate(invoice: StoredInvoice, input: UpdateInput): Applied | Decision {
  const behaviours = input.contract.behaviours ?? [];
  const itemSet = behaviours.find((b) => b.kind === 'item-set-actions');
  let items: StoredItem[] | undefined;
  if (itemSet !== undefined) {
    const changed = applyItemSet(itemSet, invoice.items, input.body);
    if (!Array.isArray(changed)) return changed;
    items = changed;
  }
  writeFields(invoice, behaviours, input);
  if (items !== undefined) invoice.items = items;
  const fills: Record<string, string> = {};
  for (const b of behaviours) applyOne(b, invoice, input, fills);
  invoice.updates++;
  return { fills };
}

function applyOne(b: BehaviourSpec, invoice: StoredInvoice, input: UpdateInput, fills: Record<string, string>): void {
  const p = b.params ?? {};
  switch (b.kind) {
    case 'items-replace-all': {
      const sent = typeof p['items'] === 'string' ? valuesAt(input.body, p['items']) : [];
      if (sent.length > 0) invoice.items = sent.map((item, i) => ({ id: keyOf(item, p['key']) ?? String(i + 1), data: item as VendorValue }));
      return;
    }
    case 'notes-accumulate': {
      const sent = typeof p['field'] === 'string' ? valuesAt(input.body, p['field'])[0] : undefined;
      if (typeof sent !== 'string' || sent === '') return;
      const separator = typeof p['separator'] === 'string' ? p['separator'] : '\n';
      const entry = input.noteEntry?.(sent) ?? sent;
      invoice.notes = invoice.notes === undefined || invoice.notes === '' ? entry : `${invoice.notes}${separator}${entry}`;
      return;
    }
    case 'client-auto-create': {
      const client = typeof p['client'] === 'string' ? valuesAt(input.body, p['client'])[0] : undefined;
      const name = keyOf(client, p['key']);
      if (name === undefined) return;
      // An unknown name creates the client; for a known one the other client fields are ignored.
      if (!input.store.clients.has(name)) input.store.clients.set(name, client as VendorValue);
      invoice.client = name;
      return;
    }
    case 'optimistic-lock': {
      invoice.token = input.nextToken(invoice.token);
      if (typeof p['tokenOut'] === 'string') fills[p['tokenOut']] = invoice.token;
      return;
    }
    // Applied elsewhere: the guards refuse before anything changes, upsert creates on lookup,
    // fields are written by writeFields, item-set actions before the others, rate limits on arrival.
    case 'state-guard':
    case 'upsert':
    case 'partial-update':
    case 'omit-clears':
    case 'item-set-actions':
    case 'rate-limit':
      return;
    default:
      assertNever(b.kind);
  }
}

function writeFields(invoice: StoredInvoice, behaviours: readonly BehaviourSpec[], input: UpdateInput): void {
  const replace = behaviours.find((b) => b.kind === 'omit-clears');
  const spec = replace ?? behaviours.find((b) => b.kind === 'partial-update');
  const path = typeof spec?.params?.['record'] === 'string' ? spec.params['record'] : undefined;
  // A keyed record (Centra's invoice element) is the data; else the behaviour's record, else the
  // whole body, never with its credentials.
  const data = input.record.data !== input.body ? input.record.data : path !== undefined ? objectAt(input.body, path) : withoutCredentials(input.contract, input.body);
  invoice.fields = replace !== undefined ? { ...data } : { ...invoice.fields, ...data };
}

function objectAt(body: VendorValue, path: string): VendorObject {
  const value = valuesAt(body, path)[0];
  return isVendorObject(value as VendorValue) ? (value as VendorObject) : {};
}

function keyOf(item: unknown, key: unknown): string | undefined {
  if (typeof key !== 'string' || typeof item !== 'object' || item === null) return undefined;
  const value = (item as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
