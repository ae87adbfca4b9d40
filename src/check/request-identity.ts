import { parseXml } from '../codec/xml/parse-xml.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import type { HttpRequest } from '../model/http.ts';

/** What identifies the operation a request is for, read once per entry. */
export interface RequestIdentity {
  readonly method: string;
  readonly path: string;
  /** The SOAPAction header as sent (absent: none). */
  readonly soapAction?: string;
  /** The XML envelope element, when the body is XML. */
  readonly root?: { readonly ns: string; readonly local: string };
  /** For an envelope (any SOAP version): the Body's first child; otherwise the document element. */
  readonly operation?: { readonly ns: string; readonly local: string };
  /** The media type of the request (lower case, no parameters). */
  readonly mediaType: string;
}

/**
 * Read method, path, SOAPAction and the operation element (by namespace URI) of a request. `xml`
 * gives the body's parsed XML when the caller has it (see {@link requestXml}), so it is parsed once.
 */
export function requestIdentity(request: HttpRequest, xml: () => XmlElement | undefined = () => requestXml(request.body)): RequestIdentity {
  const path = safePath(request.url);
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const soapAction = request.headers['soapaction'];
  const base = { method: request.method.toUpperCase(), path, mediaType, ...(soapAction === undefined ? {} : { soapAction }) };
  const root = xml();
  if (root === undefined) return base;
  const body = root.local === 'Envelope' ? root.children.find((c) => c.local === 'Body' && c.ns === root.ns) : undefined;
  const operation = body === undefined ? (root.local === 'Envelope' ? undefined : root) : body.children[0];
  return { ...base, root: name(root), ...(operation === undefined ? {} : { operation: name(operation) }) };
}

/**
 * The document element of an XML request body; undefined when the body is not XML or not readable.
 * A capture's requests are mostly distinct (thousands of them), and a repeated one mostly follows its
 * twin, so only the last body read is remembered here, not in parseXml's memory of recent parses.
 */
export function requestXml(body: string): XmlElement | undefined {
  if (!body.trimStart().startsWith('<') && !body.startsWith('\uFEFF<')) return undefined;
  if (last !== undefined && last.body === body) return last.root;
  const parsed = parseXml(body, { remember: false });
  const root = parsed.ok ? parsed.value : undefined;
  last = { body, root };
  return root;
}

/** The last body {@link requestXml} read, and its document element (trees are immutable). */
let last: { readonly body: string; readonly root: XmlElement | undefined } | undefined;

function name(el: XmlElement): { ns: string; local: string } {
  return { ns: el.ns, local: el.local };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}
