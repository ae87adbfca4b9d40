import type { XmlBuildNode } from './xml-build-node.ts';

type Prefixes = Readonly<Record<string, string>>;

/** Prefixes bound without a declaration (`xml`) or that are declarations themselves (`xmlns`). */
const RESERVED_PREFIXES = new Set(['xml', 'xmlns']);

/**
 * The prefix to write for namespace `ns`.
 * @throws {Error} when `ns` has no usable prefix: a programming error in the caller.
 */
export function prefixFor(prefixes: Prefixes, ns: string): string {
  const prefix = Object.hasOwn(prefixes, ns) ? prefixes[ns] : undefined;
  if (prefix === undefined || prefix === '' || prefix.includes(':') || RESERVED_PREFIXES.has(prefix)) {
    throw new Error(`buildXml: namespace '${ns}' needs a prefix in options.prefixes (not empty, 'xml' or 'xmlns').`);
  }
  return prefix;
}

/**
 * The `[prefix, uri]` pairs the root element must declare, sorted by prefix: the namespace of
 * every element in the tree, and the namespace of every prefix an attribute key such as
 * `xsi:nil` uses.
 * @throws {Error} when a namespace or attribute prefix is missing from `prefixes`, or when two
 * namespaces in use share a prefix.
 */
export function namespaceDeclarations(root: XmlBuildNode, prefixes: Prefixes): Array<[string, string]> {
  const uriByPrefix = new Map<string, string>();
  for (const node of walk(root)) {
    if (node.ns !== '') declare(uriByPrefix, prefixFor(prefixes, node.ns), node.ns);
    for (const key of Object.keys(node.attributes ?? {})) declareAttributePrefix(uriByPrefix, prefixes, key);
  }
  return [...uriByPrefix].sort(([a], [b]) => (a < b ? -1 : 1));
}

function declareAttributePrefix(uriByPrefix: Map<string, string>, prefixes: Prefixes, key: string): void {
  const colon = key.indexOf(':');
  const prefix = key.slice(0, Math.max(colon, 0));
  if (colon === -1 || RESERVED_PREFIXES.has(prefix)) return;
  const uri = Object.keys(prefixes).find((ns) => prefixes[ns] === prefix);
  if (uri === undefined) {
    throw new Error(`buildXml: attribute '${key}' uses prefix '${prefix}', which no namespace in options.prefixes maps to.`);
  }
  declare(uriByPrefix, prefix, uri);
}

function declare(uriByPrefix: Map<string, string>, prefix: string, uri: string): void {
  const bound = uriByPrefix.get(prefix);
  if (bound !== undefined && bound !== uri) {
    throw new Error(`buildXml: prefix '${prefix}' is given to both '${bound}' and '${uri}'.`);
  }
  uriByPrefix.set(prefix, uri);
}

/** Every node of the tree, without recursion. */
function* walk(root: XmlBuildNode): Generator<XmlBuildNode> {
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    yield node;
    for (const child of node.children ?? []) stack.push(child);
  }
}
