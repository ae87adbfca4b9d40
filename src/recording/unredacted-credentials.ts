import { resolvePath } from '../mapping/resolve-path.ts';
import { protocolFor } from '../protocols/index.ts';
import type { Contract } from '../types/contract.ts';
import { REDACTED, type HarEntry } from './har.ts';
import { describePlace, secretPlaces } from './secret-paths.ts';

/** Request headers that carry credentials whatever the contract says (as redaction blanks them). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-auth-token']);

/**
 * The places in a recorded request where a secret credential position (the contract's secret
 * fields, SOAP header fields and query parameters, and the credential headers) holds a value
 * that is not a placeholder: not the redaction marker, nor the contract's documented `example`
 * or public simulator test value. Only places are returned, never values.
 */
export function unredactedCredentials(contract: Contract, entry: HarEntry): string[] {
  const placeholders = new Set<string>([REDACTED, '']);
  for (const [name, c] of Object.entries(contract.credentials)) {
    placeholders.add(c.example);
    placeholders.add(c.simulator ?? `sim-${name}`);
  }
  const out: string[] = [];
  const places = secretPlaces(contract);
  const protocol = protocolFor(contract.protocol);
  const decoded = places.some((p) => p.in !== 'query') ? protocol.decodeRequest(contract, protocol.readMessage(entry.request.postData?.text ?? '')) : undefined;
  const query = queryOf(entry.request.url);
  for (const place of places) {
    const value = place.in === 'query' ? query.get(place.name) : resolvePath(place.in === 'body' ? decoded?.body : decoded?.header, place.path.join('.'));
    if (value !== undefined && value !== null && !placeholders.has(String(value))) out.push(describePlace(place));
  }
  for (const h of entry.request.headers) if (CREDENTIAL_HEADERS.has(h.name.toLowerCase()) && !placeholders.has(h.value)) out.push(`request-header:${h.name.toLowerCase()}`);
  return out;
}

function queryOf(url: string): URLSearchParams {
  try {
    return new URL(url).searchParams;
  } catch {
    return new URLSearchParams();
  }
}
