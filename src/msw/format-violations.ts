import type { ReceivedRequest } from '../runner/received/request-log.ts';

/** The non-conforming requests as a readable list: each request, then each failed check and its violations. */
export function formatViolations(failing: readonly ReceivedRequest[], total: number): string {
  const lines = [`${failing.length} of ${total} request(s) to the vendor mocks did not conform to their contracts:`];
  for (const r of failing) {
    lines.push('', `  ${r.label}  (${r.contract}, answered ${r.response.outcome})`);
    for (const result of r.results) {
      if (result.state !== 'failed') continue;
      for (const v of result.violations.filter((x) => x.severity === 'error')) lines.push(`    ✗ ${result.check} [${v.rule}] at ${v.path}: ${v.message}`);
    }
  }
  return lines.join('\n');
}

/** Thrown by `assertConformant()` (and by handlers with `onViolation: 'throw'`): the violations, readable. */
export class ConformanceViolationError extends Error {
  /** The requests that did not conform, redacted. */
  readonly requests: readonly ReceivedRequest[];

  constructor(failing: readonly ReceivedRequest[], total: number) {
    super(formatViolations(failing, total));
    this.name = 'ConformanceViolationError';
    this.requests = failing;
  }
}
