import type { Violation } from '../model/violation.ts';

/** A check's violations on one entry, before and after deduplication. */
export interface CheckViolations {
  readonly check: string;
  readonly violations: readonly Violation[];
}

/**
 * Report one cause once across all checks of an entry:
 * - the same namespace mistake on many elements (same documented and received URI) is one
 *   violation at the first element, listing the others in `params.paths`;
 * - a violation another check already reported (same rule, path and message) is dropped from
 *   the later check.
 * Order is kept: the first check (in suite order) to see a cause reports it.
 */
export function dedupeByCause(perCheck: readonly CheckViolations[]): CheckViolations[] {
  const seen = new Map<string, { owner: number; index: number; paths: string[] }>();
  const out: Violation[][] = perCheck.map(() => []);
  perCheck.forEach((c, owner) => {
    for (const v of c.violations) {
      const key = causeKey(v);
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, { owner, index: out[owner]?.length ?? 0, paths: [v.path] });
        out[owner]?.push(v);
      } else if (!earlier.paths.includes(v.path)) {
        earlier.paths.push(v.path);
      }
    }
  });
  for (const { owner, index, paths } of seen.values()) {
    const list = out[owner];
    const first = list?.[index];
    if (list !== undefined && first !== undefined && paths.length > 1) list[index] = collapsed(first, paths);
  }
  return perCheck.map((c, i) => ({ check: c.check, violations: out[i] ?? [] }));
}

/** Rules that say "this envelope is not the documented SOAP version" (the envelope check's, and a version check's). */
const ENVELOPE_VERSION_RULES = new Set(['soap-envelope', 'soap-version']);

/**
 * Violations with one cause share a key: a namespace mix-up by its URIs, a wrong envelope (SOAP
 * version) by its place, a wrong header value by the header (transport and a version check both
 * object to one Content-Type), anything else by what it says.
 */
export function causeKey(v: Violation): string {
  if (ENVELOPE_VERSION_RULES.has(v.rule) && v.path === '/Envelope') return 'envelope-version\u0000/Envelope';
  if (v.path.startsWith('header ')) return `header\u0000${v.path.toLowerCase()}`;
  if (v.rule === 'namespace' && v.params !== undefined && 'expected' in v.params && 'received' in v.params) {
    return `namespace\u0000${String(v.params['expected'])}\u0000${String(v.params['received'])}`;
  }
  return `${v.rule}\u0000${v.path}\u0000${v.message}`;
}

function collapsed(v: Violation, paths: readonly string[]): Violation {
  const others = paths.slice(1);
  const shown = others.slice(0, 5).join(', ');
  const more = others.length > 5 ? `, and ${others.length - 5} more` : '';
  const message = `${v.message} The same namespace is used on ${others.length} more element(s): ${shown}${more}.`;
  return { ...v, message, params: { ...(v.params ?? {}), paths: [...paths] } };
}
