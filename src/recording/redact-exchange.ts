import type { Contract } from '../types/contract.ts';
import type { Exchange } from '../model/http.ts';
import { resolvePath } from '../mapping/resolve-path.ts';
import { protocolFor } from '../protocols/index.ts';
import { REDACTED } from './har.ts';
import { redactText } from './redact-text.ts';
import { describePlace, secretPlaces } from './secret-paths.ts';

/** Headers that carry credentials whatever the contract says; their whole value is redacted. */
export const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token']);

/** An exchange with no secret left, and where secrets were (`_redactions`). */
export interface RedactedExchange {
  readonly exchange: Exchange;
  readonly redactions: readonly string[];
}

/**
 * Redact an exchange before it is recorded. Every place the contract sends a secret is listed
 * (`body:/login/password`, `header:/OpsAuthenticationHeader/Password`, `query:api_key`), the
 * secret query parameters are set to the marker, credential headers are blanked, and then every
 * form of every secret value (raw, XML- and JSON-escaped, URL-encoded, base64) is replaced wherever
 * it appears: URL, headers and bodies of request and response.
 */
export function redactExchange(contract: Contract, exchange: Exchange, secrets: readonly string[]): RedactedExchange {
  const redactions = new Set<string>(placesSent(contract, exchange));
  const url = new URL(exchange.request.url);
  for (const place of secretPlaces(contract)) if (place.in === 'query' && url.searchParams.has(place.name)) url.searchParams.set(place.name, REDACTED);
  const text = (where: string, value: string): string => {
    const r = redactText(value, secrets);
    if (r.replaced) redactions.add(where);
    return r.text;
  };
  const headers = (side: 'request' | 'response', h: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(Object.entries(h).map(([name, value]) => {
      if (!SECRET_HEADERS.has(name)) return [name, text(`${side}-header:${name}`, value)];
      redactions.add(`${side}-header:${name}`);
      return [name, REDACTED];
    }));
  const request = { ...exchange.request, url: text('url', url.toString()), headers: headers('request', exchange.request.headers), body: text('body', exchange.request.body) };
  const response = { ...exchange.response, headers: headers('response', exchange.response.headers), body: text('response-body', exchange.response.body) };
  // The structured places say where the secrets were; a generic 'body' or 'url' adds nothing to them.
  const listed = [...redactions].filter((r) => !(r === 'body' && [...redactions].some((x) => x.startsWith('body:') || x.startsWith('header:'))) && !(r === 'url' && [...redactions].some((x) => x.startsWith('query:'))));
  return { exchange: { ...exchange, request, response }, redactions: listed.sort() };
}

/** The contract's secret places that held a value in this request. */
function placesSent(contract: Contract, exchange: Exchange): string[] {
  const protocol = protocolFor(contract.protocol);
  const decoded = protocol.decodeRequest(contract, protocol.readMessage(exchange.request.body));
  const url = new URL(exchange.request.url);
  return secretPlaces(contract)
    .filter((place) => {
      const value = place.in === 'query' ? url.searchParams.get(place.name) : resolvePath(place.in === 'body' ? decoded.body : decoded.header, place.path.join('.'));
      return typeof value === 'string' && value !== '';
    })
    .map(describePlace);
}
