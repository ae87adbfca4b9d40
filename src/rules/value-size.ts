/**
 * About how many characters `value` takes when written out as JSON (a string by its length, each
 * array item, object key and scalar by at least one), counted only until it passes `limit`. A value
 * shared many times (an array holding one long string ten thousand times) counts every time, as it
 * would once serialized. The walk stops once `limit` is passed, so its cost is bounded by `limit`,
 * whatever the value. Functions count nothing, as JSONata's `$string` writes them as `""`.
 */
export function sizeUpTo(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop();
    size += ownSize(v);
    if (size > limit || typeof v !== 'object' || v === null || isFunctionValue(v)) continue;
    for (const item of Array.isArray(v) ? v : Object.values(v)) stack.push(item);
  }
  return size;
}

function ownSize(v: unknown): number {
  if (typeof v === 'string') return v.length + 2;
  if (Array.isArray(v)) return v.length + 2;
  if (typeof v === 'object' && v !== null) return isFunctionValue(v) ? 0 : Object.keys(v).reduce((n, key) => n + key.length + 4, 2);
  return typeof v === 'function' ? 0 : String(v).length;
}

/** JSONata's own function values: lambdas and built-ins (which carry their environment). */
function isFunctionValue(v: object): boolean {
  return '_jsonata_lambda' in v || '_jsonata_function' in v;
}
