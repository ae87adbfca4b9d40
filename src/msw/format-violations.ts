import type { Violation } from '../model/violation.ts';
import type { ReceivedRequest } from '../runner/received/request-log.ts';

/** Violations of one rule in one check shown in full; the rest are listed by path. */
const SHOWN_PER_RULE = 2;

/**
 * The non-conforming requests as a readable list: each request, then each failed check and its
 * violations (✗), then the departures the vendor's stack accepts (⚠, with why), so a request that
 * fails for one reason still names every other way it departs from the doc.
 */
export function formatViolations(failing: readonly ReceivedRequest[], total: number): string {
  const lines = [`${failing.length} of ${total} request(s) to the vendor mocks did not conform to their contracts:`];
  for (const r of failing) {
    lines.push('', `  ${r.label}  (${r.contract}, answered ${r.response.outcome})`);
    for (const result of r.results) {
      if (result.state === 'failed') lines.push(...ruleLines('✗', result.check, result.violations.filter((x) => x.severity === 'error')));
    }
    for (const result of r.results) {
      if (result.state !== 'skipped') lines.push(...ruleLines('⚠', result.check, result.violations.filter((x) => x.severity === 'warning' && typeof x.params?.['accepted'] === 'string')));
    }
  }
  return lines.join('\n');
}

/** Each rule's first violations in full, the rest by path (one cause, a wrong namespace URI, breaks every element). */
function ruleLines(mark: string, check: string, violations: readonly Violation[]): string[] {
  const lines: string[] = [];
  for (const rule of [...new Set(violations.map((v) => v.rule))]) {
    const same = violations.filter((v) => v.rule === rule);
    for (const v of same.slice(0, SHOWN_PER_RULE)) lines.push(`    ${mark} ${check} [${v.rule}] at ${v.path}: ${v.message}${acceptedNote(v)}`);
    const rest = same.slice(SHOWN_PER_RULE);
    if (rest.length > 0) lines.push(`      … and ${rest.length} more ${rule} ${mark === '✗' ? 'violation' : 'warning'}(s) at ${rest.map((v) => v.path).join(', ')}`);
  }
  return lines;
}

/** Why a warning is only a warning, where its message does not say so already. */
function acceptedNote(v: Violation): string {
  const accepted = v.params?.['accepted'];
  return typeof accepted === 'string' && !v.message.includes(accepted) ? ` (accepted by the vendor's stack: ${accepted})` : '';
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
