import type { Contract } from '../../types/contract.ts';
import type { HttpRequest } from '../../model/http.ts';
import { resolvePath } from '../../mapping/resolve-path.ts';
import { protocolFor } from '../../protocols/index.ts';
import { secretPlaces } from '../../recording/secret-paths.ts';

/**
 * The values a request carries at its contract's secret credential places (body, SOAP header, query).
 * A team's test may send its real credentials: these are what must never leave memory.
 */
export function sentSecrets(contract: Contract, request: HttpRequest): string[] {
  const protocol = protocolFor(contract.protocol);
  const decoded = protocol.decodeRequest(contract, protocol.readMessage(request.body));
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    url = undefined;
  }
  const values = secretPlaces(contract).map((place) =>
    place.in === 'query' ? url?.searchParams.get(place.name) : resolvePath(place.in === 'body' ? decoded.body : decoded.header, place.path.join('.')),
  );
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}
