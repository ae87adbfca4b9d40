import type { Contract } from '../../src/types/contract.ts';
import type { HttpResponse } from '../../src/model/http.ts';
import { violation, type Violation } from '../../src/model/violation.ts';

/** Media types a body kind may arrive under: XML as text/xml, application/xml or any +xml type; JSON likewise. */
const ACCEPTED: Readonly<Record<'xml' | 'json', RegExp>> = {
  xml: /^(text\/xml|application\/xml|[a-z]+\/[a-z0-9.+-]+\+xml)$/,
  json: /^(application\/json|[a-z]+\/[a-z0-9.+-]+\+json)$/,
};

/**
 * A non-empty answer must say it is what the matched response documents (XML or JSON): a vendor's
 * client library picks its parser by Content-Type, so a right body under `text/html`, or under no
 * type at all, is misread. `body: any` and `empty` responses take whatever comes.
 */
export function contentTypeViolations(contract: Contract, matched: string | null | undefined, response: HttpResponse): Violation[] {
  if (response.body.trim() === '') return [];
  const spec = contract.responses.find((r) => r.name === matched);
  const kind = spec?.match.body ?? (contract.protocol === 'json' ? 'json' : 'xml');
  if (kind !== 'xml' && kind !== 'json') return [];
  const header = response.headers['content-type'];
  const media = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (ACCEPTED[kind].test(media)) return [];
  const documented = kind === 'xml' ? 'text/xml, application/xml or another +xml type' : 'application/json or another +json type';
  return [violation('content-type', '/headers/content-type', `Received: ${header === undefined ? 'no Content-Type' : `Content-Type ${JSON.stringify(header)}`} on ${kind === 'xml' ? 'an XML' : 'a JSON'} body / Documented: ${documented}${spec === undefined ? '' : ` (response "${spec.name}")`}.`)];
}
