import type { Reporter } from '../types/reporter.ts';
import { redactText, textRedactor } from './redact-text.ts';

/**
 * A reporter that sees every hook argument with every variant of every secret replaced by the
 * redaction marker: for runs against live vendors, whose answers (error messages that echo a
 * request) could carry a credential into a report or the console. Every hook the reporter has is
 * wrapped, including hooks added later to the Reporter interface, so none bypasses redaction.
 */
export function redactingReporter(reporter: Reporter, secrets: readonly string[]): Reporter {
  const wrapped: Record<string, unknown> = { name: reporter.name };
  let seen = new WeakMap<object, unknown>();
  let judgedWith = secrets.length;
  for (const hook of hookNames(reporter)) {
    const fn: unknown = (reporter as unknown as Record<string, unknown>)[hook];
    if (typeof fn !== 'function') continue;
    wrapped[hook] = (...args: unknown[]) => {
      // Looked up at each call: the caller may add secrets to the list as the run goes (none at first, too),
      // and what was judged before a secret was added is judged again.
      if (secrets.length !== judgedWith) [seen, judgedWith] = [new WeakMap(), secrets.length];
      const redact = textRedactor(secrets);
      return (fn as (...a: unknown[]) => unknown).apply(reporter, redact === undefined ? args : args.map((arg) => redactShared(arg, redact, seen)));
    };
  }
  return wrapped as unknown as Reporter;
}

/** Own and inherited method names (object-literal and class reporters alike). */
function hookNames(reporter: Reporter): Set<string> {
  const names = new Set<string>();
  for (let o: object | null = reporter; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) if (name !== 'constructor') names.add(name);
  }
  return names;
}

/** A deep copy of JSON-able data with every secret redacted in every string. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, secrets).text as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets)])) as T;
  }
  return value;
}

/**
 * How deep a judged hook argument is looked for: a hook's argument, its fields and their items (the
 * summary's `results[i]`, which `onCheckResult` saw before). Only hook arguments are remembered:
 * what is reached inside one belongs to it, and remembering each of a summary's 100,000 results
 * would only grow the table the garbage collector scans.
 */
const REMEMBERED_DEPTH = 2;

/**
 * What a reporter hook sees: `value` itself where no string in it changes, else a copy with every
 * secret redacted. An object is judged once (`seen`), so the results a run reports one by one cost
 * nothing more when they come back inside the summary, and clean results are not held twice.
 */
function redactShared<T>(value: T, redact: (text: string) => string, seen: WeakMap<object, unknown>, depth = 0): T {
  if (typeof value === 'string') return redact(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  const known = depth <= REMEMBERED_DEPTH ? seen.get(value) : undefined;
  if (known !== undefined) return known as T;
  const shown = Array.isArray(value) ? redactedItems(value, redact, seen, depth) : redactedFields(value, redact, seen, depth);
  if (depth === 0) seen.set(value, shown);
  return shown as T;
}

// A copy is started only at the first item or field that changes: most reported objects hold no
// secret, and a report holds hundreds of thousands of them.

function redactedItems(value: readonly unknown[], redact: (text: string) => string, seen: WeakMap<object, unknown>, depth: number): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    const out = redactShared(v, redact, seen, depth + 1);
    if (copy === undefined && out !== v) copy = value.slice(0, i);
    copy?.push(out);
  }
  return copy ?? value;
}

function redactedFields(value: object, redact: (text: string) => string, seen: WeakMap<object, unknown>, depth: number): object {
  const fields = value as Record<string, unknown>;
  const keys = Object.keys(fields);
  let copy: [string, unknown][] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    const v = fields[key];
    const out = redactShared(v, redact, seen, depth + 1);
    if (copy === undefined && out !== v) copy = keys.slice(0, i).map((k) => [k, fields[k]]);
    copy?.push([key, out]);
  }
  return copy === undefined ? value : Object.fromEntries(copy);
}
