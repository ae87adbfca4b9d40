import type { Contract } from '../../types/contract.ts';
import type { HttpRequest, HttpResponse } from '../../model/http.ts';
import type { HarEntry } from '../../recording/har.ts';
import { entryRequest, entryResponse } from '../../recording/entry-to-exchange.ts';
import { classifyResponse } from '../../protocols/classify-response.ts';

/** A recorded exchange the simulator answers from: its case, request and response. */
export interface Exemplar {
  readonly case: string;
  readonly request: HttpRequest;
  readonly response: HttpResponse;
}

/** The recordings of a contract's cases, as the simulator's source of response bodies. */
export interface Exemplars {
  /** Recorded responses by the documented response they match, in case order. */
  readonly byResponse: ReadonlyMap<string, readonly Exemplar[]>;
  readonly byCase: ReadonlyMap<string, Exemplar>;
}

/**
 * Index the recorded cases of a contract by the documented response each recording matches, so
 * the simulator answers with the contract's own documented bodies. Entries whose response matches
 * no documented response are left out.
 */
export function indexExemplars(contract: Contract, entries: readonly HarEntry[]): Exemplars {
  const byResponse = new Map<string, Exemplar[]>();
  const byCase = new Map<string, Exemplar>();
  // The first entry of each case, found by name (a scan per case was quadratic in the number of cases).
  const entryOf = new Map<string, HarEntry>();
  for (const e of entries) if (e._contract === contract.id && !entryOf.has(e._case)) entryOf.set(e._case, e);
  // Equal recorded responses (status, media type, body) match the same documented response: classify each once.
  const matchedBy = new Map<string, string | null>();
  for (const c of contract.cases) {
    const entry = entryOf.get(c.name);
    if (entry === undefined) continue;
    const exemplar = { case: c.name, request: entryRequest(entry), response: entryResponse(entry) };
    byCase.set(c.name, exemplar);
    const text = `${exemplar.response.status}\n${exemplar.response.headers['content-type'] ?? ''}\n${exemplar.response.body}`;
    const matched = matchedBy.get(text) ?? classifyResponse(contract, exemplar.response).matched;
    matchedBy.set(text, matched);
    if (matched === null) continue;
    const list = byResponse.get(matched);
    if (list === undefined) byResponse.set(matched, [exemplar]);
    else list.push(exemplar);
  }
  return { byResponse, byCase };
}
