import { describe, expect, it } from 'vitest';
import { redactingReporter } from '../../../src/recording/redact-reporter.ts';
import { redactText } from '../../../src/recording/redact-text.ts';
import type { Reporter } from '../../../src/types/reporter.ts';

const SECRET = 'Sc4le-S3cret-v4lue';
const base64 = Buffer.from(`<Password>${SECRET}</Password>`).toString('base64');

describe('redaction done once per text and per object', () => {
  it('redacts a text the same way every time it comes back, base64-wrapped or plain', () => {
    const text = `echo ${base64} and ${SECRET}`;
    const first = redactText(text, [SECRET]);
    const again = redactText(text, [SECRET]);
    expect(first).toEqual({ text: 'echo [redacted] and [redacted]', replaced: true });
    expect(again).toEqual(first);
  });

  it('follows a secret list changed in place after it was first used', () => {
    const secrets = ['first-secret-1'];
    expect(redactText('x second-secret-2', secrets).text).toBe('x second-secret-2');
    secrets.push('second-secret-2');
    expect(redactText('x second-secret-2', secrets).text).toBe('x [redacted]');
    secrets[1] = 'third-secret-33';
    expect(redactText('x third-secret-33 second-secret-2', secrets).text).toBe('x [redacted] second-secret-2');
  });

  it('hands a reporter a clean result as it is, and a result holding a secret as a redacted copy, also inside the summary', async () => {
    const seen: unknown[] = [];
    const spy = { name: 'spy', onCheckResult: (r: unknown) => void seen.push(r), onRunEnd: (s: unknown) => void seen.push(s) } as unknown as Reporter;
    const wrapped = redactingReporter(spy, [SECRET]);
    const clean = { id: 'a#entry 1#request.transport', state: 'passed', violations: [] };
    const leaky = { id: 'a#entry 2#response.fault', state: 'failed', violations: [{ rule: 'r', message: `Received: ${base64}` }] };
    await wrapped.onCheckResult?.(clean as never);
    await wrapped.onCheckResult?.(leaky as never);
    await wrapped.onRunEnd?.({ results: [clean, leaky] } as never);
    const [shownClean, shownLeaky, summary] = seen as [unknown, { violations: { message: string }[] }, { results: unknown[] }];
    expect(shownClean).toBe(clean);
    expect(shownLeaky).not.toBe(leaky);
    expect(shownLeaky.violations[0]?.message).toBe('Received: [redacted]');
    expect(leaky.violations[0]?.message).toBe(`Received: ${base64}`);
    expect(summary.results[0]).toBe(clean);
    expect(summary.results[1]).toBe(shownLeaky);
    expect(JSON.stringify(summary)).not.toContain(base64);
  });
});
