import { describe, expect, it } from 'vitest';
import { describeViolation } from '../../../../reporters/shared/describe-violation.ts';

describe('describeViolation', () => {
  it('takes expected and actual from params when they are plain values', () => {
    const view = describeViolation({ rule: 'namespace', path: '/x', severity: 'error', message: 'Received: <{a}x> / Documented: <{b}x>. Prefixes do not matter.', params: { expected: 'b', received: 'a' } });
    expect(view).toMatchObject({ rule: 'namespace', where: '/x', expected: 'b', actual: 'a', fix: 'Prefixes do not matter.' });
  });

  it('reads Received / Documented and the fix from the message, keeping dots inside brackets and quotes', () => {
    const view = describeViolation({ rule: 'rule', path: '', severity: 'warning', message: 'Rule r. Received: x = nothing / Documented: x is recommended (docs.txt (Args)). Send x.' });
    expect(view).toMatchObject({ where: '(root)', context: 'Rule r.', actual: 'x = nothing', expected: 'x is recommended (docs.txt (Args))', fix: 'Send x.' });
  });

  it('keeps a message that follows neither convention whole, without expected or actual', () => {
    const view = describeViolation({ rule: 'unmatched', path: 'u', severity: 'error', message: 'replay has no recording for POST u' });
    expect(view.expected).toBeUndefined();
    expect(view.actual).toBeUndefined();
    expect(view.message).toBe('replay has no recording for POST u');
  });
});
