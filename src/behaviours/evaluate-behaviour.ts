import type { BehaviourSpec, Contract } from '../types/contract.ts';
import { violation, type Violation } from '../model/violation.ts';
import { valuesAt } from '../mapping/values-at.ts';
import { resolvePath } from '../mapping/resolve-path.ts';

/** One exchange as behaviour checks see it: decoded request body and (when answered ok) response data. */
export interface BehaviourInput {
  readonly request: unknown;
  /** Decoded response data of an `ok` outcome, or undefined. */
  readonly response: unknown;
}

/**
 * What a documented behaviour means for one exchange. Undefined when the behaviour cannot be seen
 * in a single exchange (it needs a stateful target, e.g. optimistic locking); violations otherwise.
 */
export function evaluateBehaviour(contract: Contract, behaviour: BehaviourSpec, input: BehaviourInput): Violation[] | undefined {
  const p = behaviour.params ?? {};
  switch (behaviour.kind) {
    case 'partial-update':
      return emptyElements(input.request, String(p['record'] ?? ''), behaviour);
    case 'omit-clears':
      return omittedFields(contract, input.request, String(p['record'] ?? ''), behaviour);
    case 'client-auto-create':
      return ignoredClientFields(input.request, String(p['client'] ?? ''), String(p['key'] ?? 'name'), behaviour);
    case 'notes-accumulate':
      return input.response === undefined ? undefined : notesKept(input, String(p['field'] ?? 'notes'), behaviour);
    case 'item-set-actions':
      return input.response === undefined ? undefined : itemSetApplied(input, p, behaviour);
    default:
      return undefined;
  }
}

function emptyElements(request: unknown, record: string, b: BehaviourSpec): Violation[] {
  return valuesAt(request, record).flatMap((r) =>
    Object.entries(typeof r === 'object' && r !== null ? r : {})
      .filter(([, v]) => v === '')
      .map(([k]) => ({ ...violation('behaviour', `/${record.replace(/\./g, '/')}/${k}`, `Received: an empty <${k}> / Documented: ${b.description} An empty element is stored as empty; leave ${k} out to keep its value.`), severity: 'warning' as const })),
  );
}

function omittedFields(contract: Contract, request: unknown, record: string, b: BehaviourSpec): Violation[] {
  const field = contract.request.fields.find((f) => f.name === record);
  const sent = resolvePath(request, record);
  if (field?.fields === undefined || typeof sent !== 'object' || sent === null) return [];
  const omitted = field.fields.filter((f) => !(f.name in sent)).map((f) => f.name);
  if (omitted.length === 0) return [];
  return [{ ...violation('behaviour', `/${record}`, `Received: ${omitted.length} ${record} fields left out (${omitted.slice(0, 12).join(', ')}${omitted.length > 12 ? ', …' : ''}) / Documented: "${b.description}" Send every field whose stored value must be kept.`), severity: 'warning' }];
}

function ignoredClientFields(request: unknown, client: string, key: string, b: BehaviourSpec): Violation[] {
  const sent = resolvePath(request, client);
  if (typeof sent !== 'object' || sent === null) return [];
  const others = Object.keys(sent).filter((k) => k !== key);
  if (others.length === 0) return [];
  return [{ ...violation('behaviour', `/${client}`, `Received: ${client} ${key} with ${others.join(', ')} / Documented: ${b.description} If the ${client} exists, ${others.join(', ')} are not updated.`), severity: 'warning' }];
}

function notesKept(input: BehaviourInput, field: string, b: BehaviourSpec): Violation[] {
  const sent = resolvePath(input.request, field);
  const stored = resolvePath(input.response, `data.${field}`) ?? resolvePath(input.response, field);
  if (typeof sent !== 'string' || sent === '') return [];
  if (typeof stored === 'string' && stored.includes(sent)) return [];
  return [violation('behaviour', `/data/${field}`, `Received: ${field} ${JSON.stringify(stored)} in the response / Documented: ${b.description} The sent text ${JSON.stringify(sent)} must appear in it.`)];
}

function itemSetApplied(input: BehaviourInput, p: Readonly<Record<string, unknown>>, b: BehaviourSpec): Violation[] {
  const set = String(p['set'] ?? 'invoice_item_set');
  const requested = valuesAt(input.request, set) as Record<string, unknown>[];
  const returned = valuesAt(input.response, `data.${set}`) as Record<string, unknown>[];
  const out: Violation[] = [];
  for (const item of requested) {
    const action = String(item['action'] ?? '').toLowerCase();
    const code = resolvePath(item, 'product_identifier.code');
    const id = resolvePath(item, 'invoice_item_identifier.id');
    if (action === 'add' && typeof code === 'string' && !returned.some((r) => resolvePath(r, 'product.code') === code)) {
      out.push(violation('behaviour', `/data/${set}`, `Received: no line for product ${code} in the response / Documented: ${b.description} (add creates a line).`));
    }
    if (action === 'remove' && typeof id === 'string' && returned.some((r) => r['id'] === id)) {
      out.push(violation('behaviour', `/data/${set}`, `Received: line ${id} still in the response / Documented: ${b.description} (remove deletes it).`));
    }
  }
  return out;
}
