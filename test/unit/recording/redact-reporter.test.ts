import { describe, expect, it } from 'vitest';
import { redactingReporter } from '../../../src/recording/redact-reporter.ts';
import type { Reporter } from '../../../src/types/reporter.ts';
import { scanForCanaries, TEST_ENCODERS } from '../../helpers/canary-scan.ts';

const SECRET = `Rep0rt&<>"'\\%+/key`;
const xml = TEST_ENCODERS['XML text'] ?? ((s: string) => s);

describe('redactingReporter', () => {
  it('redacts a vendor message that echoes the password XML-escaped, in every hook, before the reporter sees it', async () => {
    const seen: unknown[] = [];
    const reporter = {
      name: 'spy',
      onWarning: (m: string) => void seen.push(m),
      onCheckResult: (r: unknown) => void seen.push(r),
      // A hook the Reporter interface may gain later: it must be wrapped too, not dropped.
      onCaseEnd: (r: unknown) => void seen.push(r),
    } as unknown as Reporter & { onCaseEnd(r: unknown): void };
    const wrapped = redactingReporter(reporter, [SECRET]) as typeof reporter;
    const message = `Received: fault "Invalid: <Password>${xml(SECRET)}</Password>"`;
    await wrapped.onWarning?.(message);
    await wrapped.onCheckResult?.({ violations: [{ rule: 'response.vendor-message', message }] } as never);
    wrapped.onCaseEnd({ text: JSON.stringify({ message }) });
    expect(seen).toHaveLength(3);
    expect(scanForCanaries(JSON.stringify(seen), [SECRET])).toEqual([]);
    expect(JSON.stringify(seen)).toContain('[redacted]');
  });

  it('wraps the methods of a class-based reporter', async () => {
    const seen: string[] = [];
    class Spy {
      readonly name = 'class-spy';
      onWarning(m: string): void {
        seen.push(m);
      }
    }
    await redactingReporter(new Spy() as Reporter, [SECRET]).onWarning?.(`key=${encodeURIComponent(SECRET)}`);
    expect(seen).toEqual(['key=%5Bredacted%5D']);
  });

  it('passes hook arguments on as they are while there is no secret', async () => {
    const seen: unknown[] = [];
    const result = { violations: [{ rule: 'r', message: 'nothing secret' }] };
    const wrapped = redactingReporter({ name: 'spy', onCheckResult: (r) => void seen.push(r) }, []);
    await wrapped.onCheckResult?.(result as never);
    expect(seen[0]).toBe(result);
  });

  it('redacts a secret added to the list after the reporter was wrapped, also in an object judged clean before it', async () => {
    const seen: unknown[] = [];
    const secrets: string[] = [];
    const wrapped = redactingReporter({ name: 'spy', onCheckResult: (r) => void seen.push(r) }, secrets);
    const result = { violations: [{ rule: 'r', message: `token ${SECRET} refused` }] };
    await wrapped.onCheckResult?.(result as never);
    secrets.push(SECRET);
    await wrapped.onCheckResult?.(result as never);
    expect(seen[0]).toBe(result);
    expect(scanForCanaries(JSON.stringify(seen[1]), [SECRET])).toEqual([]);
    expect(JSON.stringify(seen[1])).toContain('[redacted]');
  });
});
