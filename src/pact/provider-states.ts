import type { CaseSpec, Contract } from '../types/contract.ts';

/** One Pact provider state: a sentence a provider team can implement, and its data. */
export interface ProviderState {
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The part of a simulator seed the states are derived from (see src/targets/simulate/load-seed.ts). */
export interface StateSeed {
  readonly invoices?: readonly object[];
  readonly clients?: readonly string[];
  readonly scripted?: readonly string[];
}

/** Canonical invoice identifiers, in the order a state names them. */
const ID_NAMES = ['id', 'number', 'reference', 'internalId', 'backOfficeCode'] as const;

/**
 * The provider state a case needs, from the data its recording was made against (the simulator
 * seed): "invoice INV00110 exists and is issued", "invoice 0 does not exist", or, for a case
 * whose answer no data produces (a server fault, a 429), the documented answer it forces.
 * `params` carry what a state handler needs to set it up; never a credential.
 */
export function providerStates(contract: Contract, c: CaseSpec, seed: StateSeed, response: string | null): ProviderState[] {
  if ((seed.scripted ?? []).includes(c.name)) {
    return [{ name: `${contract.vendor} answers this request with its documented ${response ?? 'recorded'} response`, params: { scripted: c.name, response } }];
  }
  const ids = invoiceIds(c.input['invoice']);
  const label = ID_NAMES.map((n) => ids[n]).find((v) => v !== undefined);
  if (label === undefined) return [];
  const stored = (seed.invoices ?? []).map((inv) => inv as Readonly<Record<string, unknown>>).find((inv) => ID_NAMES.some((n) => ids[n] !== undefined && inv[n] === ids[n]));
  if (stored === undefined) return [{ name: `invoice ${label} does not exist`, params: { exists: false, invoice: ids } }];
  const state = typeof stored['state'] === 'string' ? ` and is ${stored['state']}` : '';
  const client = typeof stored['client'] === 'string' && (seed.clients ?? []).includes(stored['client']) ? stored['client'] : undefined;
  const name = `invoice ${label} exists${state}${client === undefined ? '' : `, with client ${client}`}`;
  return [{ name, params: { exists: true, invoice: stored, clients: client === undefined ? [] : [client] } }];
}

function invoiceIds(value: unknown): Partial<Record<(typeof ID_NAMES)[number], string>> {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  return Object.fromEntries(ID_NAMES.filter((n) => record[n] !== undefined && record[n] !== null).map((n) => [n, String(record[n])]));
}
