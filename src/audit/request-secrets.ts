import { REDACTED, type HarEntry } from '../recording/har.ts';
import { secretPlaces } from '../recording/secret-paths.ts';
import { resolvePath } from '../mapping/resolve-path.ts';
import { protocolFor } from '../protocols/index.ts';
import type { Contract } from '../types/contract.ts';

/** Secrets shorter than this are not cut out of text: it would shred the evidence, and real secrets are longer. */
const MIN_SECRET_LENGTH = 4;

/**
 * The secret credential values a recorded request carries unredacted (a recording that should
 * have been redacted). They are used only to cut the same values out of the audit's evidence.
 */
export function requestSecrets(contract: Contract, entry: HarEntry): string[] {
  const places = secretPlaces(contract);
  if (places.length === 0) return [];
  const protocol = protocolFor(contract.protocol);
  const body = entry.request.postData?.text ?? '';
  const decoded = places.some((p) => p.in !== 'query') ? protocol.decodeRequest(contract, protocol.readMessage(body)) : undefined;
  const query = queryOf(entry.request.url);
  const values = places.map((p) => (p.in === 'query' ? query.get(p.name) : resolvePath(p.in === 'body' ? decoded?.body : decoded?.header, p.path.join('.'))));
  return values.filter((v): v is string => typeof v === 'string' && v !== REDACTED && v.length >= MIN_SECRET_LENGTH);
}

function queryOf(url: string): URLSearchParams {
  try {
    return new URL(url).searchParams;
  } catch {
    return new URLSearchParams();
  }
}
