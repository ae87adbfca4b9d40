import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../src/runner/run-conformance.ts';
import { gatherCoverage } from '../../../src/runner/gather-coverage.ts';
import { createRecordingCache } from '../../../src/recording/recording-cache.ts';
import { createReplayTarget } from '../../../src/targets/replay.ts';
import { loadReplayEntries } from '../../../src/targets/load-replay-entries.ts';
import type { LoadedContract } from '../../../src/types/contract.ts';
import type { Target } from '../../../src/types/target.ts';
import { CHECKS } from '../../../suites/index.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, repoPath } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract, prepareContract } from '../../helpers/prepare-contract.ts';

const DUPLICATE = repoPath('test/fixtures/hostile/contracts/duplicate-case-input/centra/invoices_Update.yaml');

/** Replay that answers the cases in reverse order of sending, so they finish out of case order. */
function reversing(target: Target, total: number): Target {
  const parked: (() => void)[] = [];
  return {
    ...target,
    baseUrl: (id) => target.baseUrl(id),
    async send(request) {
      await new Promise<void>((resolve) => {
        parked.push(resolve);
        if (parked.length === total) for (const go of parked.reverse()) go();
      });
      return target.send(request);
    },
    close: () => target.close(),
  };
}

async function run(loaded: LoadedContract, options: { maxPreparing?: number; reverse?: boolean } = {}) {
  const recordings = createRecordingCache();
  const replay = createReplayTarget(await loadReplayEntries([loaded], CENTRA_RECORDINGS, recordings));
  const target = options.reverse === true ? reversing(replay, loaded.contract.cases.length) : replay;
  try {
    return await runConformance({ contracts: [loaded], checks: CHECKS, reporters: [], tool: { name: 'test', version: '0' }, recordingsDir: CENTRA_RECORDINGS, recordings, target, credentials: exampleCredentials, ...(options.maxPreparing === undefined ? {} : { maxPreparing: options.maxPreparing }) });
  } finally {
    await target.close();
  }
}

describe('runConformance folds each case into the contract-level checks as it is prepared', () => {
  it('still fails contract.cases-distinct when two cases build the same request, naming both', async () => {
    const summary = await run(await loadValidContract(DUPLICATE));
    const distinct = summary.results.find((r) => r.check === 'contract.cases-distinct');
    expect(distinct).toMatchObject({ state: 'failed', case: null });
    expect(distinct?.state === 'failed' ? distinct.violations : []).toEqual([expect.objectContaining({ rule: 'duplicate-request', path: 'cases.fault-server' })]);
    expect(summary.ok).toBe(false);
  });

  it('passes contract.cases-distinct on the shipped contract, whose cases all differ', async () => {
    const summary = await run(await loadValidContract(CENTRA_CONTRACT));
    expect(summary.results.find((r) => r.check === 'contract.cases-distinct')).toMatchObject({ state: 'passed', violations: [] });
    expect(summary.ok).toBe(true);
  });

  it('gives the same results and coverage when cases finish out of order as when they finish one by one', async () => {
    const loaded = await loadValidContract(DUPLICATE);
    const oneByOne = await run(loaded, { maxPreparing: 1 });
    const reversed = await run(loaded, { reverse: true });
    const shape = (s: typeof oneByOne) => s.results.map((r) => ({ id: r.id, state: r.state, ...(r.state === 'skipped' ? {} : { violations: r.violations }) }));
    expect(shape(reversed)).toEqual(shape(oneByOne));
    expect(reversed.coverage).toEqual(oneByOne.coverage);
  });

  it('gathers the same coverage as gathering it over every prepared case held together', async () => {
    const summary = await run(await loadValidContract(CENTRA_CONTRACT));
    const held = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    expect(summary.coverage).toEqual([(await gatherCoverage(held.contract, held.cases)).coverage]);
  });
});
