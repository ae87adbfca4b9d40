import { describe, expect, it } from 'vitest';
import { boundary, jobLogs, MAX_LOG_BYTES } from '../../../src/pact/job-logs.ts';

const MARKER = '[conformance pact verify: end of job 5f0c2a64-0d5e-4b8e-9a53-1d2f3c4b5a69]';
const b = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('jobLogs', () => {
  it('gives each job what both streams carried before their boundary, and the rest to the next job', () => {
    const logs = jobLogs(MARKER);
    logs.push('stdout', b(`Verifying a pact between c and p1\n  ok (OK)\n${boundary(MARKER)}Verifying a pact between c and p2\n`));
    expect(logs.finished()).toBe(0);
    logs.push('stderr', b(`p1 warning\n${boundary(MARKER)}`));
    expect(logs.finished()).toBe(1);
    logs.push('stderr', b('p2 error\n'));
    logs.push('stdout', b(`  bad (FAILED)\n${boundary(MARKER)}`));
    expect(logs.finished()).toBe(1);
    logs.push('stderr', b(boundary(MARKER)));
    expect(logs.finished()).toBe(2);
    expect(logs.take(0)).toBe('Verifying a pact between c and p1\n  ok (OK)\np1 warning\n');
    expect(logs.take(1)).toBe('Verifying a pact between c and p2\np2 error\n  bad (FAILED)\n');
  });

  it('finds a boundary split across chunks, even one byte at a time', () => {
    const logs = jobLogs(MARKER);
    for (const byte of b(`first job\n${boundary(MARKER)}second job\n`)) logs.push('stdout', Buffer.from([byte]));
    logs.push('stderr', b(boundary(MARKER)));
    logs.end();
    expect(logs.finished()).toBe(1);
    expect(logs.take(0)).toBe('first job\n');
    expect(logs.take(1)).toBe('second job\n');
  });

  it('does not cut at another marker, or at a start of the boundary that is not completed', () => {
    const logs = jobLogs(MARKER);
    const forged = boundary('[conformance pact verify: end of job 00000000-0000-0000-0000-000000000000]');
    const partial = `\n${MARKER.slice(0, 20)}`;
    logs.push('stdout', b(`a${forged}b${partial}`));
    logs.push('stdout', b('c\n'));
    expect(logs.finished()).toBe(0);
    logs.end();
    expect(logs.take(0)).toBe(`a${forged}b${partial}c\n`);
  });

  it('gives the job that was running what a stream held back when the child has gone', () => {
    const logs = jobLogs(MARKER);
    logs.push('stdout', b(`done\n${boundary(MARKER)}crashing\n${MARKER.slice(0, 10)}`));
    logs.push('stderr', b(`${boundary(MARKER)}thread panicked\n`));
    logs.end();
    expect(logs.take(0)).toBe('done\n');
    // The held-back start of a boundary comes last: it was only known not to be one at the end.
    expect(logs.take(1)).toBe(`crashing\nthread panicked\n${MARKER.slice(0, 10)}`);
  });

  it(`keeps at most ${MAX_LOG_BYTES} bytes of each job (and says so), and the next job's log whole`, () => {
    const logs = jobLogs(MARKER);
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 1100; i += 1) logs.push('stdout', b(line));
    logs.push('stdout', b(`${boundary(MARKER)}next\n`));
    logs.push('stderr', b(boundary(MARKER)));
    const first = logs.take(0);
    expect(first.length).toBeLessThanOrEqual(MAX_LOG_BYTES + 1024 + 100);
    expect(first.length).toBeGreaterThanOrEqual(MAX_LOG_BYTES);
    expect(first.endsWith(`\n[verifier output truncated at ${MAX_LOG_BYTES} bytes]\n`)).toBe(true);
    logs.end();
    expect(logs.take(1)).toBe('next\n');
  });

  it('removes ANSI colours and gives an empty log for a job that printed nothing', () => {
    const logs = jobLogs(MARKER);
    logs.push('stdout', b(`\u001b[32mOK\u001b[0m\n${boundary(MARKER)}${boundary(MARKER)}`));
    logs.push('stderr', b(`${boundary(MARKER)}${boundary(MARKER)}`));
    expect(logs.finished()).toBe(2);
    expect(logs.take(0)).toBe('OK\n');
    expect(logs.take(1)).toBe('');
  });
});
