import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../../src/runner/run-conformance.ts';
import { mergeSummaries } from '../../../src/runner/merge-summaries.ts';
import { createRecordingCache } from '../../../src/recording/recording-cache.ts';
import { createReplayTarget } from '../../../src/targets/replay.ts';
import { loadReplayEntries } from '../../../src/targets/load-replay-entries.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { placeholderCredentials } from '../../../src/contract/placeholder-credentials.ts';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import type { Shard } from '../../../src/model/shard.ts';
import type { LoadedContract } from '../../../src/types/contract.ts';
import { CHECKS } from '../../../suites/index.ts';
import { repoPath } from '../../helpers/paths.ts';

const RECORDINGS = repoPath('recordings');
const CHECK_ORDER = CHECKS.map((c) => c.id);

async function run(contracts: readonly LoadedContract[], shard?: Shard): Promise<RunSummary> {
  const recordings = createRecordingCache();
  const target = createReplayTarget(await loadReplayEntries(contracts, RECORDINGS, recordings), contracts.map((l) => l.contract));
  try {
    return await runConformance({ contracts, checks: CHECKS, reporters: [], tool: { name: 'test', version: '0.0.0' }, recordingsDir: RECORDINGS, recordings, target, credentials: placeholderCredentials, ...(shard === undefined ? {} : { shard }) });
  } finally {
    await target.close();
  }
}

/** The report without what differs from run to run (clock and durations). */
function timeless(summary: RunSummary): unknown {
  return JSON.parse(JSON.stringify(summary, (key, value: unknown) => (key === 'durationMs' || key === 'startedAt' ? undefined : value)));
}

describe('runConformance with a shard', () => {
  let contracts: LoadedContract[];
  let whole: RunSummary;
  let shards: RunSummary[];
  beforeAll(async () => {
    contracts = await loadAllContracts([repoPath('contracts')]);
    whole = await run(contracts);
    shards = [];
    for (const index of [1, 2, 3]) shards.push(await run(contracts, { index, total: 3 }));
  }, 60_000);

  it('gives every result of the unsharded run to exactly one of shards 1/3..3/3', () => {
    const ids = shards.flatMap((s) => s.results.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(whole.results.map((r) => r.id).sort());
    // Each shard does a real part of the work, and says which part it is.
    for (const [k, s] of shards.entries()) {
      expect(s.results.length).toBeGreaterThan(whole.results.length / 6);
      expect(s.shard).toEqual({ index: k + 1, total: 3 });
    }
    expect(whole.shard).toBeUndefined();
  });

  it("runs each contract's contract-level checks, coverage and findings in one shard only", () => {
    const contractLevel = shards.map((s) => s.results.filter((r) => r.case === null).map((r) => r.id));
    expect(contractLevel.flat().sort()).toEqual(whole.results.filter((r) => r.case === null).map((r) => r.id).sort());
    expect(shards.flatMap((s) => s.coverage.map((c) => c.contract)).sort()).toEqual(whole.coverage.map((c) => c.contract).sort());
    expect(shards.reduce((n, s) => n + s.findings.length, 0)).toBe(whole.findings.length);
  });

  it('merges the shards back into the unsharded report, in the same order, modulo timing', () => {
    const merged = mergeSummaries(shards.map((summary, k) => ({ file: `s${k}.json`, summary })).reverse(), { checkOrder: CHECK_ORDER });
    if (!merged.ok) throw new Error(merged.problem);
    expect(timeless(merged.value)).toEqual(timeless(whole));
  });

  it('refuses a merge with a shard missing, a shard twice, or a whole report among shards', () => {
    const named = shards.map((summary, k) => ({ file: `s${k + 1}.json`, summary }));
    const problem = (reports: typeof named): string => {
      const merged = mergeSummaries(reports, { checkOrder: CHECK_ORDER });
      return merged.ok ? 'merged' : merged.problem;
    };
    expect(problem(named.slice(0, 2))).toMatch(/Shard 3\/3 missing/);
    expect(problem([...named, ...named.slice(0, 1)])).toMatch(/both shard 1\/3/);
    expect(problem([...named, { file: 'whole.json', summary: whole }])).toMatch(/whole run's report/);
    expect(problem([{ file: 'whole.json', summary: whole }, { file: 'again.json', summary: whole }])).toMatch(/in more than one report/);
    expect(problem(named.map((n, k) => (k === 1 ? { ...n, summary: { ...n.summary, target: 'simulate' } } : n)))).toMatch(/only reports of one command, target and version merge/);
    expect(problem(named.map((n, k) => (k === 1 ? { ...n, summary: { ...n.summary, shard: { index: 2, total: 4 } } } : n)))).toMatch(/same --shard \*\/3/);
  });
});
