import { describe, expect, it } from 'vitest';
import { base64RunsIn, eachBase64Run } from '../../../src/recording/decoded-base64.ts';
import { redactingReporter } from '../../../src/recording/redact-reporter.ts';
import { redactText, textRedactor } from '../../../src/recording/redact-text.ts';
import type { Reporter } from '../../../src/types/reporter.ts';

const SECRET = 'Rep3ated-Run-s3cret';
const wrapped = Buffer.from(`<Password>${SECRET}</Password>`).toString('base64');

describe('redaction of base64 runs that repeat across texts', () => {
  it('redacts the same base64 run in every distinct text it appears in, and keeps a clean run in all of them', () => {
    const secrets = [SECRET];
    for (let i = 0; i < 5; i++) {
      // Distinct texts (as a report's result ids are), sharing one leaky and one clean run.
      expect(redactText(`entry ${i}: ${wrapped} / centra/invoices_Update#${i}`, secrets).text).toBe(`entry ${i}: [redacted] / centra/invoices_Update#${i}`);
    }
  });

  it('judges a run again for another secret set', () => {
    expect(redactText(`a ${wrapped} 1`, ['Other-s3cret-value']).text).toBe(`a ${wrapped} 1`);
    expect(redactText(`b ${wrapped} 2`, [SECRET]).text).toBe('b [redacted] 2');
    expect(redactText(`c ${wrapped} 3`, ['Other-s3cret-value']).text).toBe(`c ${wrapped} 3`);
  });

  it('still decodes a run on demand, from each of its first four characters', () => {
    const [run] = base64RunsIn(`x ${Buffer.from('hello base64 world').toString('base64')} y`);
    expect(run?.undecoded).toBe(false);
    expect(run?.decoded[0]).toBe('hello base64 world');
    expect(run?.decoded).toHaveLength(4);
  });
});

describe('eachBase64Run and textRedactor', () => {
  it('lists the runs base64RunsIn lists, in order, also when the callback scans another text meanwhile', () => {
    const text = `a ${'A'.repeat(12)} b ${'B'.repeat(16)}== c ${'C'.repeat(11)}`;
    const seen: [number, string, boolean][] = [];
    eachBase64Run(text, (index, run, undecoded) => {
      seen.push([index, run, undecoded]);
      // A decoded layer is scanned with the same pattern while the outer scan is under way.
      eachBase64Run(`x ${'Z'.repeat(20)} y ${'Y'.repeat(20)}`, () => undefined);
    });
    expect(seen).toEqual(base64RunsIn(text).map((r) => [r.index, r.text, r.undecoded]));
    expect(seen.map(([, run]) => run)).toEqual(['A'.repeat(12), `${'B'.repeat(16)}==`, 'C'.repeat(11)]);
  });

  it('redacts each text as redactText does, and gives nothing to redact with when no secret is long enough', () => {
    const redact = textRedactor([SECRET]);
    for (const text of [`entry 1: ${wrapped}`, `x ${SECRET} y`, 'clean centra/invoices_Update#entry 1#request.build', '']) {
      expect(redact?.(text)).toBe(redactText(text, [SECRET]).text);
    }
    expect(redact?.(`x ${SECRET}`)).toBe('x [redacted]');
    expect(textRedactor(['abc'])).toBeUndefined();
    expect(textRedactor([])).toBeUndefined();
  });
});

describe('redactingReporter on deep and shared objects', () => {
  it('redacts with a secret added to the list after the reporter was made', async () => {
    const seen: unknown[] = [];
    const spy = { name: 'spy', onWarning: (m: unknown) => void seen.push(m) } as unknown as Reporter;
    const secrets = ['First-s3cret-value'];
    const reporter = redactingReporter(spy, secrets);
    await reporter.onWarning?.(`issued ${SECRET}`);
    secrets.push(SECRET);
    await reporter.onWarning?.(`issued ${SECRET}`);
    expect(seen).toEqual([`issued ${SECRET}`, 'issued [redacted]']);
  });

  it('redacts a secret nested deeper than results, also where two results share the object', async () => {
    const seen: unknown[] = [];
    const spy = { name: 'spy', onRunEnd: (s: unknown) => void seen.push(s) } as unknown as Reporter;
    const params = { received: { nested: { deeper: `echo ${wrapped}` } } };
    const violation = { rule: 'r', message: 'm', params };
    const results = [
      { id: 'a#1', violations: [violation] },
      { id: 'a#2', violations: [violation] },
    ];
    await redactingReporter(spy, [SECRET]).onRunEnd?.({ results } as never);
    const text = JSON.stringify(seen);
    expect(text).not.toContain(wrapped);
    expect(text.match(/echo \[redacted\]/g)).toHaveLength(2);
    expect(params.received.nested.deeper).toBe(`echo ${wrapped}`);
  });

  it('passes a clean deep object on as it is', async () => {
    const seen: unknown[] = [];
    const spy = { name: 'spy', onRunEnd: (s: unknown) => void seen.push(s) } as unknown as Reporter;
    const summary = { results: [{ id: 'a#1', violations: [{ params: { deep: { deeper: ['clean'] } } }] }] };
    await redactingReporter(spy, [SECRET]).onRunEnd?.(summary as never);
    expect(seen[0]).toBe(summary);
  });
});
