/** Read a dotted path (`customer.email`) from a plain value; undefined when any segment is missing. */
export function resolvePath(source: unknown, path: string): unknown {
  if (path === '') return source;
  let current: unknown = source;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
