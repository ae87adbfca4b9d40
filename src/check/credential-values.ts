import { parseJson } from '../codec/json/parse-json.ts';
import { parseXml } from '../codec/xml/parse-xml.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import { valuesAt } from '../mapping/values-at.ts';
import type { HttpRequest } from '../model/http.ts';
import { REDACTED } from '../recording/har.ts';
import { credentialPaths } from '../recording/compare-requests.ts';
import type { Contract } from '../types/contract.ts';

/** A credential value found in a captured request, and where (`body:/login/password`, `query:api_key`). */
export interface FoundCredential {
  readonly place: string;
  readonly credential: string;
  /** Whether the contract marks the credential secret (a password or token, not a user name). */
  readonly secret: boolean;
  readonly value: string;
}

/**
 * Every value at one of the contract's credential positions (secret or not) in a request. XML is
 * searched by local names, whatever the namespace URIs or the SOAP version, so a request with a
 * wrong namespace still gives up its credentials for redaction. The redaction marker is not a value.
 */
export function credentialValues(contract: Contract, request: HttpRequest, xml: () => XmlElement | undefined = () => parsedXml(request.body)): FoundCredential[] {
  const found = [...queryValues(contract, request.url), ...bodyValues(contract, request.body, xml)];
  return found.filter((f) => f.value.trim() !== '' && f.value !== REDACTED).map((f) => ({ ...f, secret: contract.credentials[f.credential]?.secret === true }));
}

function queryValues(contract: Contract, url: string): Found[] {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return [];
  }
  return (contract.transport.query ?? []).flatMap((q) => (q.credential === undefined ? [] : params.getAll(q.name).map((value) => ({ place: `query:${q.name}`, credential: q.credential ?? '', value }))));
}

function parsedXml(body: string): XmlElement | undefined {
  const parsed = parseXml(body);
  return parsed.ok ? parsed.value : undefined;
}

function bodyValues(contract: Contract, body: string, xml: () => XmlElement | undefined): Found[] {
  const places = credentialPlaces(contract);
  if (places.length === 0 || body.trim() === '') return [];
  if (contract.protocol === 'json') {
    const parsed = parseJson(body);
    if (!parsed.ok) return [];
    return places.filter((p) => p.in === 'body').flatMap((p) => valuesAt(parsed.value, p.path.join('.')).filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => ({ place: p.place, credential: p.credential, value: String(v) })));
  }
  const root = xml();
  if (root === undefined) return [];
  const { payload, header } = parts(root, contract.protocol === 'soap11');
  return places.flatMap((p) => descend(p.in === 'body' ? payload : header, p.path).flatMap((el) => [el.text, el.text.trim()]).filter((v, i, all) => all.indexOf(v) === i).map((value) => ({ place: p.place, credential: p.credential, value })));
}

type Found = Omit<FoundCredential, 'secret'>;

/** The contract's credential positions, derived once per contract (a capture has thousands of entries). */
const PLACES = new WeakMap<Contract, readonly Place[]>();

function credentialPlaces(contract: Contract): readonly Place[] {
  const known = PLACES.get(contract);
  if (known !== undefined) return known;
  const places = [
    ...withCredential(contract, credentialPaths(contract.request.fields, []), 'body'),
    ...withCredential(contract, credentialPaths(contract.request.header ?? [], []), 'header'),
  ];
  PLACES.set(contract, places);
  return places;
}

interface Place {
  readonly in: 'body' | 'header';
  readonly path: readonly string[];
  readonly place: string;
  readonly credential: string;
}

function withCredential(contract: Contract, paths: readonly string[][], where: 'body' | 'header'): Place[] {
  return paths.map((path) => ({ in: where, path, place: `${where}:/${path.join('/')}`, credential: fieldCredential(contract, where, path) }));
}

function fieldCredential(contract: Contract, where: 'body' | 'header', path: readonly string[]): string {
  let fields = where === 'body' ? contract.request.fields : (contract.request.header ?? []);
  let credential = '';
  for (const name of path) {
    const f = fields.find((x) => x.name === name);
    credential = f?.credential ?? credential;
    fields = f?.fields ?? [];
  }
  return credential;
}

function parts(root: XmlElement, soap: boolean): { payload: XmlElement | undefined; header: XmlElement | undefined } {
  if (!soap || root.local !== 'Envelope') return { payload: root, header: undefined };
  const body = root.children.find((c) => c.local === 'Body');
  return { payload: body?.children[0], header: root.children.find((c) => c.local === 'Header') };
}

/** Elements at a path of local names below `from`, through repeated elements. */
function descend(from: XmlElement | undefined, path: readonly string[]): XmlElement[] {
  let current = from === undefined ? [] : [from];
  for (const local of path) current = current.flatMap((el) => el.children.filter((c) => c.local === local));
  return current;
}
