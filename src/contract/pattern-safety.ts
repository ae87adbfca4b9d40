import { createRequire } from 'node:module';

/** Whether a contract pattern is proven not to backtrack exponentially, and if not, why. */
export type PatternSafety = { readonly safe: true } | { readonly safe: false; readonly reason: string };

/**
 * How long recheck may take to decide one pattern. Only patterns with a quantified group get that
 * far (none of the shipped contracts has one); one it cannot decide in time is not proven safe.
 */
export const RECHECK_TIMEOUT_MS = 5_000;

// A `)` that is not escaped, followed by a quantifier: `(…)*`, `(…)+`, `(…)?`, `(…){n`.
const QUANTIFIED_GROUP = /(?:^|[^\\])(?:\\\\)*\)(?:[*+?]|\{\d)/;

interface Diagnostics {
  readonly status: 'safe' | 'vulnerable' | 'unknown';
  readonly complexity?: { readonly type: string };
  readonly attack?: { readonly pattern: string };
  readonly error?: { readonly kind: string };
}
type CheckSync = (source: string, flags: string, params: Record<string, unknown>) => Diagnostics;
let checkSync: CheckSync | undefined;

/** recheck, loaded on first use (its pure-JS build is 2.8 MB) and run in-process (no Java, no binary, no worker). */
function recheck(): CheckSync {
  if (checkSync === undefined) {
    process.env['RECHECK_SYNC_BACKEND'] ??= 'pure';
    checkSync = (createRequire(import.meta.url)('recheck') as { checkSync: CheckSync }).checkSync;
  }
  return checkSync;
}

/**
 * Decide whether `pattern` (compiled with the `u` flag, as ajv and the classifier do) can backtrack
 * exponentially. Exponential backtracking needs a quantified group, so a pattern without one is safe
 * as it stands. Any other is given to recheck, which analyses the pattern's automaton: it finds both
 * nested quantifiers (`(a+)+$`) and a quantified group whose branches overlap (`^(a|a)*$`,
 * `(a|aa)+$`), which safe-regex2's star-height test misses, and it proves safe the optional groups
 * safe-regex2 refuses (`^\d+(\.\d{1,2})?$`).
 */
export function patternSafety(pattern: string): PatternSafety {
  if (!QUANTIFIED_GROUP.test(pattern)) return { safe: true };
  const result = recheck()(pattern, 'u', { timeout: RECHECK_TIMEOUT_MS, randomSeed: 0 });
  if (result.status === 'safe') return { safe: true };
  if (result.status === 'vulnerable') {
    const attack = result.attack === undefined ? '' : `, for example on ${result.attack.pattern}`;
    return { safe: false, reason: `recheck finds ${result.complexity?.type ?? 'super-linear'} backtracking${attack}` };
  }
  return { safe: false, reason: `recheck cannot prove it safe (${result.error?.kind ?? 'unknown'})` };
}
