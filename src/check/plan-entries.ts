import type { Contract } from '../types/contract.ts';
import type { CapturedEntry } from './captured-entry.ts';
import { credentialValues, type FoundCredential } from './credential-values.ts';
import { matchContract, type ContractMatch } from './match-contract.ts';
import { requestIdentity, requestXml } from './request-identity.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';

/** An entry with the contract it is for (if any) and the credentials it holds. */
export interface PlannedEntry {
  readonly entry: CapturedEntry;
  /** The contract, how it was chosen, and what differed; undefined: not checked. */
  readonly match?: { readonly contract: Contract; readonly how: 'exact' | 'nearest' | 'forced'; readonly differences: readonly string[] };
  readonly credentials: readonly FoundCredential[];
}

/** Tie each entry to its contract (`forced` when `--contract` names one) and find its credentials. */
export function planEntries(entries: readonly CapturedEntry[], contracts: readonly Contract[], forced?: Contract): PlannedEntry[] {
  return entries.map((entry) => {
    const xml = parsedOnce(entry.exchange.request.body);
    const found: ContractMatch | undefined = forced === undefined ? matchContract(contracts, requestIdentity(entry.exchange.request, xml)) : undefined;
    const match = forced !== undefined ? { contract: forced, how: 'forced' as const, differences: [] } : found;
    if (match === undefined) return { entry, credentials: [] };
    return { entry, match, credentials: credentialValues(match.contract, entry.exchange.request, xml) };
  });
}

/**
 * Credential values of every planned entry: all of them (what no report may show), or only those
 * the contracts mark secret (what `redact` replaces, keeping user names so the copy checks the same).
 */
export function plannedSecrets(planned: readonly PlannedEntry[], which: 'all' | 'secret' = 'all'): string[] {
  return [...new Set(planned.flatMap((p) => p.credentials.filter((c) => which === 'all' || c.secret).map((c) => c.value)))];
}

/** The request body's XML, parsed on first need and then shared by identity and credential lookup. */
function parsedOnce(body: string): () => XmlElement | undefined {
  let read = false;
  let root: XmlElement | undefined;
  return () => {
    if (!read) [read, root] = [true, requestXml(body)];
    return root;
  };
}
