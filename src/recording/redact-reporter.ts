import type { Reporter } from '../types/reporter.ts';
import { redactText } from './redact-text.ts';

/**
 * A reporter that sees every hook argument with every variant of every secret replaced by the
 * redaction marker: for runs against live vendors, whose answers (error messages that echo a
 * request) could carry a credential into a report or the console. Every hook the reporter has is
 * wrapped, including hooks added later to the Reporter interface, so none bypasses redaction.
 */
export function redactingReporter(reporter: Reporter, secrets: readonly string[]): Reporter {
  if (secrets.length === 0) return reporter;
  const wrapped: Record<string, unknown> = { name: reporter.name };
  const seen = new WeakMap<object, unknown>();
  for (const hook of hookNames(reporter)) {
    const fn: unknown = (reporter as unknown as Record<string, unknown>)[hook];
    if (typeof fn !== 'function') continue;
    wrapped[hook] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(reporter, args.map((arg) => redactShared(arg, secrets, seen)));
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
 * What a reporter hook sees: `value` itself where no string in it changes, else a copy with every
 * secret redacted. An object is judged once (`seen`), so the results a run reports one by one cost
 * nothing more when they come back inside the summary, and clean results are not held twice.
 */
function redactShared<T>(value: T, secrets: readonly string[], seen: WeakMap<object, unknown>): T {
  if (typeof value === 'string') return redactText(value, secrets).text as T;
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  let changed = false;
  const each = (v: unknown): unknown => {
    const out = redactShared(v, secrets, seen);
    if (out !== v) changed = true;
    return out;
  };
  const copy = Array.isArray(value) ? value.map(each) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, each(v)]));
  const shown = changed ? copy : value;
  seen.set(value, shown);
  return shown as T;
}
