import { describe, expect, it } from 'vitest';
import { MAX_PREPARING, runConformance } from '../../../src/runner/run-conformance.ts';
import { createRecordingCache } from '../../../src/recording/recording-cache.ts';
import { createReplayTarget } from '../../../src/targets/replay.ts';
import { loadReplayEntries } from '../../../src/targets/load-replay-entries.ts';
import type { Target } from '../../../src/types/target.ts';
import { CHECKS } from '../../../suites/index.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';

/** The replay target, slowed a little, counting the requests in flight. */
function counting(target: Target): { target: Target; most: () => number; sent: () => number } {
  let inFlight = 0;
  let most = 0;
  let sent = 0;
  return {
    target: {
      ...target,
      baseUrl: (id) => target.baseUrl(id),
      async send(request) {
        inFlight++;
        sent++;
        most = Math.max(most, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return await target.send(request);
        } finally {
          inFlight--;
        }
      },
      close: () => target.close(),
    },
    most: () => most,
    sent: () => sent,
  };
}

describe('runConformance prepares a bounded number of cases at once', () => {
  it('has at most maxPreparing requests in flight, and still reports every case as the unbounded run does', async () => {
    const centra = await loadValidContract(CENTRA_CONTRACT);
    const runWith = async (maxPreparing: number | undefined) => {
      const recordings = createRecordingCache();
      const watched = counting(createReplayTarget(await loadReplayEntries([centra], CENTRA_RECORDINGS, recordings)));
      try {
        const summary = await runConformance({ contracts: [centra], checks: CHECKS, reporters: [], tool: { name: 'test', version: '0' }, recordingsDir: CENTRA_RECORDINGS, recordings, target: watched.target, credentials: exampleCredentials, ...(maxPreparing === undefined ? {} : { maxPreparing }) });
        return { summary, most: watched.most(), sent: watched.sent() };
      } finally {
        await watched.target.close();
      }
    };
    const bounded = await runWith(2);
    const unbounded = await runWith(undefined);
    expect(centra.contract.cases.length).toBeGreaterThan(2);
    expect(bounded.sent).toBe(centra.contract.cases.length);
    expect(bounded.most).toBe(2);
    expect(unbounded.most).toBe(Math.min(MAX_PREPARING, centra.contract.cases.length));
    const shape = (s: typeof bounded.summary) => s.results.map((r) => `${r.id} ${r.state}`);
    expect(shape(bounded.summary)).toEqual(shape(unbounded.summary));
    expect(bounded.summary.ok).toBe(true);
  });
});
