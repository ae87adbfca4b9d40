import jsonata, { type Expression } from 'jsonata';
import { sizeUpTo } from './value-size.ts';

/** Bounds the guarded functions enforce, and the error they raise (both from rule-budget.ts). */
export interface SizeGuard {
  readonly maxResultLength: number;
  readonly maxPad: number;
  readonly exceeded: (message: string) => Error;
}

interface Builtin {
  readonly implementation: (this: unknown, ...args: unknown[]) => unknown;
}

const builtins = new Map<string, Promise<Builtin>>();

/** JSONata's own implementation of `$name`, looked up once. */
function builtin(name: string): Promise<Builtin> {
  let found = builtins.get(name);
  if (found === undefined) {
    found = jsonata(`$${name}`).evaluate(null) as Promise<Builtin>;
    builtins.set(name, found);
  }
  return found;
}

/** A regex match as JSONata's matcher gives it, with the next one on demand. */
interface RegexMatch {
  readonly match: string;
  readonly groups: readonly string[];
  readonly next: () => RegexMatch | undefined | Promise<RegexMatch | undefined>;
}
type Matcher = (text: string) => RegexMatch | undefined | Promise<RegexMatch | undefined>;

/**
 * Replace JSONata's functions that build a long string from short arguments in one step, where the
 * step's result check comes only after the memory is spent, with versions that compute the size of
 * their result first and refuse one over `maxResultLength`: `$replace` (each match can insert a long
 * replacement), `$join`, `$string` (an array can hold one long string many times) and `$pad`.
 */
export function registerGuardedFunctions(expression: Expression, guard: SizeGuard): void {
  const refuse = (what: string): never => {
    throw guard.exceeded(`${what} would produce more than ${guard.maxResultLength} characters`);
  };
  expression.registerFunction('replace', async function (this: unknown, text: unknown, pattern: unknown, replacement: unknown, limit: unknown) {
    if (typeof text === 'string' && typeof replacement === 'string' && !(typeof limit === 'number' && limit <= 0)) {
      const size = await replacedLength(text, pattern, replacement, limit, guard.maxResultLength);
      if (size > guard.maxResultLength) refuse('$replace');
    }
    return (await builtin('replace')).implementation.call(this, text, pattern, replacement, limit);
  }, '<s-(sf)(sf)n?:s>');
  expression.registerFunction('join', async function (this: unknown, strings: unknown, separator: unknown) {
    if (joinedLength(strings, separator, guard.maxResultLength) > guard.maxResultLength) refuse('$join');
    return (await builtin('join')).implementation.call(this, strings, separator);
  }, '<a<s>s?:s>');
  expression.registerFunction('string', async function (this: unknown, value: unknown, prettify: unknown) {
    const size = typeof value === 'string' ? 0 : sizeUpTo(value, guard.maxResultLength);
    if (size > guard.maxResultLength) refuse('$string');
    return (await builtin('string')).implementation.call(this, value, prettify);
  }, '<x-b?:s>');
  expression.registerFunction('pad', (value: unknown, width: unknown, char: unknown): string | undefined => {
    if (value === undefined) return undefined;
    const w = typeof width === 'number' ? Math.trunc(width) : 0;
    if (Math.abs(w) > guard.maxPad) throw guard.exceeded(`$pad to ${w} characters is wider than ${guard.maxPad}`);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const fill = typeof char === 'string' && char !== '' ? char : ' ';
    return w < 0 ? text.padStart(-w, fill) : text.padEnd(w, fill);
  }, '<s-ns?:s>');
}

/** Length of `$join(strings, separator)`, counted until past `max`. */
function joinedLength(strings: unknown, separator: unknown, max: number): number {
  if (!Array.isArray(strings)) return 0;
  const between = typeof separator === 'string' ? separator.length : 0;
  let size = 0;
  for (let i = 0; i < strings.length && size <= max; i += 1) {
    const item: unknown = strings[i];
    size += (typeof item === 'string' ? item.length : 0) + (i === 0 ? 0 : between);
  }
  return size;
}

/**
 * Length of `$replace(text, pattern, replacement, limit)` with a string replacement, counted before it is
 * built: exact for a string pattern; for a regex, each `$n` in the replacement counted as the longest of
 * the match and its groups. Stops counting once past `max`.
 */
async function replacedLength(text: string, pattern: unknown, replacement: string, limit: unknown, max: number): Promise<number> {
  const most = typeof limit === 'number' ? limit : Number.POSITIVE_INFINITY;
  let size = text.length;
  let count = 0;
  if (typeof pattern === 'string') {
    if (pattern === '') return size;
    for (let at = text.indexOf(pattern); at !== -1 && count < most && size <= max; at = text.indexOf(pattern, at + pattern.length)) {
      size += replacement.length - pattern.length;
      count += 1;
    }
    return size;
  }
  if (typeof pattern !== 'function') return size;
  const dollars = replacement.split('$').length - 1;
  for (let m = await (pattern as Matcher)(text); m !== undefined && count < most && size <= max; m = await m.next()) {
    const longest = Math.max(m.match.length, ...m.groups.map((g) => (typeof g === 'string' ? g.length : 0)));
    size += replacement.length + dollars * longest - m.match.length;
    count += 1;
  }
  return size;
}
