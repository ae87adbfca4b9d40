import { fail, ok } from '../../model/result.ts';
import type { Result } from '../../model/result.ts';
import { clark } from './xml-element.ts';
import type { XmlAttribute, XmlName } from './xml-element.ts';
import type { XmlProblem } from './xml-problem.ts';

/** The namespace the `xml` prefix is always bound to. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** In-scope namespace bindings: prefix to URI, `''` for the default namespace. */
export type NamespaceScope = ReadonlyMap<string, string>;

/** The bindings in force outside the root element. */
export const ROOT_SCOPE: NamespaceScope = new Map([['xml', XML_NAMESPACE]]);

/**
 * Most namespace bindings in scope at once. Each declaring element copies its parent's bindings,
 * so without this bound a root declaring thousands of prefixes over thousands of declaring
 * children costs quadratic time. Real documents bind fewer than ten.
 */
export const MAX_NAMESPACES_IN_SCOPE = 64;

/** A start tag with its names resolved, and the scope its content inherits. */
export interface ResolvedTag {
  readonly scope: NamespaceScope;
  readonly name: XmlName;
  readonly attributes: readonly XmlAttribute[];
}

type Attributes = ReadonlyArray<readonly [string, string]>;

/**
 * Resolve one start tag: apply its `xmlns` / `xmlns:p` declarations to the parent scope, then
 * resolve the element name (the default namespace applies) and its attribute names (it does not).
 * Problems carry no position; the caller knows where the tag is.
 */
export function resolveNamespaces(parent: NamespaceScope, tag: string, attributes: Attributes): Result<ResolvedTag, XmlProblem> {
  // Most elements have no attributes: they declare nothing, so the parent's scope is theirs.
  if (attributes.length === 0) {
    const name = resolveName(parent, tag, true);
    return name.ok ? ok({ scope: parent, name: name.value, attributes: [] }) : name;
  }
  const scope = declareNamespaces(parent, attributes);
  if (!scope.ok) return scope;
  const name = resolveName(scope.value, tag, true);
  if (!name.ok) return name;
  const resolved = resolveAttributes(scope.value, attributes);
  if (!resolved.ok) return resolved;
  return ok({ scope: scope.value, name: name.value, attributes: resolved.value });
}

function declareNamespaces(parent: NamespaceScope, attributes: Attributes): Result<NamespaceScope, XmlProblem> {
  let scope: Map<string, string> | undefined;
  for (const [key, uri] of attributes) {
    const prefix = declaredPrefix(key);
    if (prefix === undefined) continue;
    const problem = checkDeclaration(prefix, uri);
    if (problem !== undefined) return fail(problem);
    // Copy on first declaration only: most elements declare nothing and share their parent's scope.
    scope ??= new Map(parent);
    scope.set(prefix, uri);
    if (scope.size > MAX_NAMESPACES_IN_SCOPE) {
      return fail({ rule: 'xml-too-many', message: `More than ${MAX_NAMESPACES_IN_SCOPE} namespace prefixes are bound at once (the limit).` });
    }
  }
  return ok(scope ?? parent);
}

/** `''` for `xmlns`, `p` for `xmlns:p`, undefined for an ordinary attribute. */
function declaredPrefix(key: string): string | undefined {
  if (key === 'xmlns') return '';
  return key.startsWith('xmlns:') ? key.slice(6) : undefined;
}

/** Namespaces in XML 1.0 §3: `xml` is fixed, `xmlns` is never declared, prefixes cannot be undeclared. */
function checkDeclaration(prefix: string, uri: string): XmlProblem | undefined {
  if (prefix === 'xmlns' || (prefix === 'xml') !== (uri === XML_NAMESPACE)) {
    return malformed(`Prefix '${prefix}' cannot be bound to '${uri}'.`);
  }
  return prefix !== '' && uri === '' ? malformed(`Prefix '${prefix}' cannot be undeclared with xmlns:${prefix}="".`) : undefined;
}

function resolveAttributes(scope: NamespaceScope, attributes: Attributes): Result<XmlAttribute[], XmlProblem> {
  const resolved: XmlAttribute[] = [];
  const seen = new Set<string>();
  for (const [key, value] of attributes) {
    if (declaredPrefix(key) !== undefined) continue;
    const name = resolveName(scope, key, false);
    if (!name.ok) return name;
    const { ns, local, prefix } = name.value;
    const expanded = clark(ns, local);
    if (seen.has(expanded)) return fail(malformed(`Attribute '${key}' repeats the attribute ${expanded}.`));
    seen.add(expanded);
    resolved.push({ ns, local, prefix, value });
  }
  return ok(resolved);
}

function resolveName(scope: NamespaceScope, qname: string, isElement: boolean): Result<XmlName, XmlProblem> {
  const colon = qname.indexOf(':');
  if (colon === -1) return ok({ ns: isElement ? (scope.get('') ?? '') : '', local: qname, prefix: '' });
  const prefix = qname.slice(0, colon);
  const local = qname.slice(colon + 1);
  if (prefix === '' || local === '' || local.includes(':')) return fail(malformed(`'${qname}' is not a valid qualified name.`));
  const ns = scope.get(prefix);
  if (ns === undefined) return fail({ rule: 'xml-undeclared-prefix', message: `Prefix '${prefix}' of '${qname}' is not declared.` });
  return ok({ ns, local, prefix });
}

function malformed(message: string): XmlProblem {
  return { rule: 'xml-malformed', message };
}
