/**
 * Every value at a dotted path, looking through arrays at each step (so `Errors.OpsWebError.ErrorCode`
 * gives the code of each repeated error). An empty path gives the value itself.
 */
export function valuesAt(source: unknown, path: string): unknown[] {
  let current: unknown[] = [source];
  for (const segment of path === '' ? [] : path.split('.')) {
    current = current.flatMap((v) => (Array.isArray(v) ? v : [v])).flatMap((v) => {
      if (typeof v !== 'object' || v === null || !(segment in v)) return [];
      return [(v as Record<string, unknown>)[segment]];
    });
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}
