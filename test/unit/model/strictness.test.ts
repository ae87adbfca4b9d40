import { describe, expect, it } from 'vitest';
import { accepted, isAcceptedDeparture, strictViolations } from '../../../src/model/strictness.ts';
import { violation } from '../../../src/model/violation.ts';

describe('strictViolations', () => {
  const departure = accepted('soapaction', 'header soapaction', 'Received: x / Documented: "x".', 'WCF reads it unquoted.');
  const note = { rule: 'behaviour', path: '/client', message: 'client fields are ignored', severity: 'warning' as const };

  it('keeps an accepted departure a warning that says why, and fails it with --strict', () => {
    expect(departure).toMatchObject({ severity: 'warning', params: { accepted: 'WCF reads it unquoted.' } });
    expect(departure.message).toContain("Accepted by the vendor's stack: WCF reads it unquoted.");
    expect(strictViolations([departure])).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/\(failed: --strict\)$/) })]);
  });

  it('leaves behaviour notes, warnings without a reason and errors as they are', () => {
    const error = violation('type', '/x', 'Received: a / Documented: b.');
    expect(isAcceptedDeparture(note)).toBe(false);
    expect(strictViolations([note, error])).toEqual([note, error]);
  });
});
