import { describe, expect, it } from 'vitest';
import { failuresOf, runCentra } from '../helpers/run-report.ts';

describe('replay never reaches the network', () => {
  it('fails scenario.exchange at once with an explanation when replay has nothing to serve', async () => {
    const { code, report } = await runCentra('test/fixtures/recordings/empty');
    expect(code).toBe(1);
    const exchanges = failuresOf(report, 'scenario.exchange');
    expect(exchanges.map((r) => r.case)).toEqual(['update-ok', 'update-ok-response-element', 'update-ok-result-success', 'update-failed', 'fault-server', 'fault-client', 'probe-empty-list']);
    for (const r of exchanges) {
      expect(r.violations).toEqual([expect.objectContaining({ rule: 'unmatched', message: expect.stringContaining('replay never reaches the network') })]);
      expect(r.violations[0]?.message).toMatch(/^replay has no recording for POST https:\/\/[a-z0-9-]+\.replay\.invalid\//);
    }
    // A request that went out would wait for the HTTP client's 10 s timeout instead.
    expect(report.durationMs).toBeLessThan(5000);
  });
});
