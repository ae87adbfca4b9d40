import type { ReceivedRequest } from '../runner/received/request-log.ts';

/** Violations of one rule in one check shown in full; the rest are listed by path. */
const SHOWN_PER_RULE = 2;

/** The non-conforming requests as a readable list: each request, then each failed check and its violations. */
export function formatViolations(failing: readonly ReceivedRequest[], total: number): string {
  const lines = [`${failing.length} of ${total} request(s) to the vendor mocks did not conform to their contracts:`];
  for (const r of failing) {
    lines.push('', `  ${r.label}  (${r.contract}, answered ${r.response.outcome})`);
    for (const result of r.results) {
      if (result.state !== 'failed') continue;
      const errors = result.violations.filter((x) => x.severity === 'error');
      for (const rule of [...new Set(errors.map((v) => v.rule))]) {
        const same = errors.filter((v) => v.rule === rule);
        for (const v of same.slice(0, SHOWN_PER_RULE)) lines.push(`    ✗ ${result.check} [${v.rule}] at ${v.path}: ${v.message}`);
        // One cause (a wrong namespace URI) breaks every element: name the rest by path only.
        const rest = same.slice(SHOWN_PER_RULE);
        if (rest.length > 0) lines.push(`      … and ${rest.length} more ${rule} violation(s) at ${rest.map((v) => v.path).join(', ')}`);
      }
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
