/** How serious a violation is: errors fail the check, warnings are reported but pass. */
export type Severity = 'error' | 'warning';

/** A plain record describing one way an input departs from its contract (shaped like ajv's ErrorObject). */
export interface Violation {
  /** Stable rule name, e.g. `required`, `namespace`, `soap-action`. */
  readonly rule: string;
  /** Where: a data path (`/invoices/invoice/0/id`), header name or URL part. */
  readonly path: string;
  /** "Received: … / Documented: …", then the fix when it is known. Never contains a secret. */
  readonly message: string;
  readonly severity: Severity;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Build an error-severity violation. */
export function violation(rule: string, path: string, message: string, params?: Record<string, unknown>): Violation {
  return params === undefined
    ? { rule, path, message, severity: 'error' }
    : { rule, path, message, severity: 'error', params };
}

/** True when at least one violation is an error (warnings alone do not fail a check). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === 'error');
}
