import type { Reporter } from '../types/reporter.ts';
import { redactText } from './redact-text.ts';

/**
 * A reporter that sees every hook argument with every form of every secret replaced by the
 * redaction marker: for runs against live vendors, whose answers (error messages that echo a
 * request) could carry a credential into a report or the console.
 */
export function redactingReporter(reporter: Reporter, secrets: readonly string[]): Reporter {
  if (secrets.length === 0) return reporter;
  const wrapped: Record<string, unknown> = { name: reporter.name };
  for (const hook of ['onRunStart', 'onExchange', 'onCheckResult', 'onWarning', 'onRunEnd'] as const) {
    const fn = reporter[hook] as ((arg: unknown) => unknown) | undefined;
    if (fn !== undefined) wrapped[hook] = (arg: unknown) => fn.call(reporter, redactValue(arg, secrets));
  }
  return wrapped as unknown as Reporter;
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
