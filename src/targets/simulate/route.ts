import type { TransportSpec } from '../../types/contract.ts';

/** A request's path matched against the contract's path template. */
export type RouteMatch = { readonly ok: true; readonly pathParams: Record<string, string> } | { readonly ok: false; readonly status: 404 | 405; readonly problem: string };

/** Match method and path (with `{param}` placeholders) against the contract's transport. */
export function matchRoute(transport: TransportSpec, method: string, pathname: string): RouteMatch {
  const { names, pattern } = compiledPath(transport);
  const found = pattern.exec(pathname);
  const documented = `${transport.method} ${transport.path}`;
  if (found === null) return { ok: false, status: 404, problem: `No such endpoint: ${method} ${pathname}. This simulator serves ${documented}.` };
  if (method.toUpperCase() !== transport.method) return { ok: false, status: 405, problem: `Method ${method} is not allowed here. This simulator serves ${documented}.` };
  const pathParams: Record<string, string> = {};
  names.forEach((name, i) => (pathParams[name] = safeDecode(found[i + 1] ?? '')));
  return { ok: true, pathParams };
}

// The path template's expression, by contract transport: every request is routed, often against several contracts.
const compiled = new WeakMap<TransportSpec, { readonly names: readonly string[]; readonly pattern: RegExp }>();

function compiledPath(transport: TransportSpec): { readonly names: readonly string[]; readonly pattern: RegExp } {
  const known = compiled.get(transport);
  if (known !== undefined) return known;
  const names: string[] = [];
  const parts = transport.path.split(/(\{[^}]+\})/).map((part) => {
    const param = /^\{([^}]+)\}$/.exec(part);
    if (param === null) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(param[1] ?? '');
    return '([^/]+)';
  });
  const entry = { names, pattern: new RegExp(`^${parts.join('')}$`) };
  compiled.set(transport, entry);
  return entry;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
