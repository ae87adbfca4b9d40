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
  return entries.map((entry) => planEntry(entry, contracts, forced).planned);
}

/** One entry planned, and its request body's document element when planning parsed it as XML (for the checks, so it is parsed once). */
export interface PlannedWithXml {
  readonly planned: PlannedEntry;
  readonly requestXml: XmlElement | undefined;
}

/** {@link planEntries} for one entry, keeping the parsed request body for its checks. */
export function planEntry(entry: CapturedEntry, contracts: readonly Contract[], forced?: Contract): PlannedWithXml {
  const xml = parsedOnce(entry.exchange.request.body);
  const found: ContractMatch | undefined = forced === undefined ? matchContract(contracts, requestIdentity(entry.exchange.request, xml)) : undefined;
  const match = forced !== undefined ? { contract: forced, how: 'forced' as const, differences: [] } : found;
  if (match === undefined) return { planned: { entry, credentials: [] }, requestXml: undefined };
  return { planned: { entry, match, credentials: credentialValues(match.contract, entry.exchange.request, xml) }, requestXml: xml.ifRead() };
}

/**
 * Credential values of every planned entry: all of them (what no report may show), or only those
 * the contracts mark secret (what `redact` replaces, keeping user names so the copy checks the same).
 */
export function plannedSecrets(planned: readonly PlannedEntry[], which: 'all' | 'secret' = 'all'): string[] {
  return [...new Set(planned.flatMap((p) => p.credentials.filter((c) => which === 'all' || c.secret).map((c) => c.value)))];
}

/** The request body's XML, parsed on first need and then shared by identity and credential lookup (and, through `ifRead`, the checks). */
function parsedOnce(body: string): (() => XmlElement | undefined) & { readonly ifRead: () => XmlElement | undefined } {
  let read = false;
  let root: XmlElement | undefined;
  const get = (): XmlElement | undefined => {
    if (!read) [read, root] = [true, requestXml(body)];
    return root;
  };
  return Object.assign(get, { ifRead: () => root });
}
