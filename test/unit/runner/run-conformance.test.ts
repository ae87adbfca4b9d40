import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance, type RunFilter } from '../../../src/runner/run-conformance.ts';
import { createRecordingCache } from '../../../src/recording/recording-cache.ts';
import { createReplayTarget } from '../../../src/targets/replay.ts';
import { loadReplayEntries } from '../../../src/targets/load-replay-entries.ts';
import { ALL_SUITES, SUITES, type CheckResult } from '../../../src/model/check-result.ts';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import type { LoadedContract } from '../../../src/types/contract.ts';
import type { Reporter, RunStartInfo } from '../../../src/types/reporter.ts';
import { CHECKS, type Check } from '../../../suites/index.ts';
import { soapAction } from '../../../suites/request-building/soap-action.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, recordingsVariant } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';

/** A reporter that keeps every event it receives, in order. */
function recorder(name = 'recorder') {
  const events: string[] = [];
  const results: CheckResult[] = [];
  let start: RunStartInfo | undefined;
  let summary: RunSummary | undefined;
  const reporter: Reporter = {
    name,
    onRunStart: (info) => {
      events.push('run:start');
      start = info;
    },
    onExchange: (e) => {
      events.push(`exchange:${e.case}:${e.done}/${e.total}`);
    },
    onCheckResult: (r) => {
      events.push('case:end');
      results.push(r);
    },
    onRunEnd: (s) => {
      events.push('run:end');
      summary = s;
    },
  };
  return { reporter, events, results, start: () => start, summary: () => summary };
}

async function run(loaded: LoadedContract, recordingsDir: string, reporters: readonly Reporter[], checks: readonly Check[] = CHECKS, only?: RunFilter): Promise<RunSummary> {
  const recordings = createRecordingCache();
  const target = createReplayTarget(await loadReplayEntries([loaded], recordingsDir, recordings));
  try {
    return await runConformance({ contracts: [loaded], checks, reporters, tool: { name: 'test', version: '0.0.0' }, recordingsDir, recordings, target, credentials: exampleCredentials, ...(only === undefined ? {} : { only }) });
  } finally {
    await target.close();
  }
}

describe('runConformance', () => {
  let centra: LoadedContract;
  beforeAll(async () => {
    centra = await loadValidContract(CENTRA_CONTRACT);
  });

  it('passes every check on the Centra recordings, with at least one passed result per suite', async () => {
    const summary = await run(centra, CENTRA_RECORDINGS, []);
    expect(summary).toMatchObject({ schemaVersion: 1, target: 'replay', ok: true, suites: SUITES });
    expect(summary.totals.failed).toBe(0);
    for (const suite of SUITES) expect(summary.results.some((r) => r.suite === suite && r.state === 'passed')).toBe(true);
  });

  it('runs just one case and one check with --case and --check, and leaves out coverage of the subset', async () => {
    const summary = await run(centra, CENTRA_RECORDINGS, [], CHECKS, { cases: ['update-ok'], checks: ['request.soap-action'] });
    expect(summary.results.map((r) => r.id)).toEqual(['centra/invoices_Update#update-ok#request.soap-action']);
    expect(summary.coverage).toEqual([]);
  });

  it('runs only case checks for --case alone: contract-level checks are about every case', async () => {
    const summary = await run(centra, CENTRA_RECORDINGS, [], CHECKS, { cases: ['update-ok'] });
    expect(summary.results.length).toBeGreaterThan(5);
    expect(summary.results.every((r) => r.case === 'update-ok')).toBe(true);
  });

  it('announces the planned count, reports each result as it arrives and ends with the summary', async () => {
    const seen = recorder();
    const summary = await run(centra, CENTRA_RECORDINGS, [seen.reporter]);
    expect(seen.events[0]).toBe('run:start');
    expect(seen.events.at(-1)).toBe('run:end');
    const cases = centra.contract.cases.length;
    expect(seen.start()).toEqual({ target: 'replay', contracts: ['centra/invoices_Update'], planned: summary.results.length, exchanges: cases });
    // Every exchange is announced as it completes, counting up, before any check result.
    const exchanges = seen.events.filter((e) => e.startsWith('exchange:'));
    expect(exchanges.map((e) => e.split(':')[2])).toEqual(Array.from({ length: cases }, (_, i) => `${i + 1}/${cases}`));
    expect(seen.events.indexOf('case:end')).toBeGreaterThan(seen.events.lastIndexOf(exchanges.at(-1) ?? ''));
    expect(seen.results).toHaveLength(summary.results.length);
    expect(seen.summary()).toBe(summary);
  });

  it('orders results by suite and gives each a stable contract#case#check id', async () => {
    const summary = await run(centra, CENTRA_RECORDINGS, []);
    const order = summary.results.map((r) => ALL_SUITES.indexOf(r.suite));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(summary.results.map((r) => r.id)).toContain('centra/invoices_Update#update-ok#request.soap-action');
    expect(summary.results.map((r) => r.id)).toContain('centra/invoices_Update#contract#contract.recordings-valid');
  });

  it('summarizes the contract and carries its findings with the contract id', async () => {
    const summary = await run(centra, CENTRA_RECORDINGS, []);
    expect(summary.contracts).toEqual([
      { id: 'centra/invoices_Update', vendor: 'centra', operation: 'invoices_Update', protocol: 'soap11', file: CENTRA_CONTRACT, cases: 7, totals: summary.totals },
    ]);
    expect(summary.findings.map((f) => [f.id, f.contract])).toEqual([
      ['centra.success-shapes', 'centra/invoices_Update'],
      ['centra.soapaction-case', 'centra/invoices_Update'],
    ]);
  });

  it('runs only the checks it is given', async () => {
    const summary = await run(centra, CENTRA_RECORDINGS, [], [soapAction]);
    expect(summary.results.map((r) => r.check)).toEqual(Array(7).fill('request.soap-action'));
  });

  it('is not ok when a check fails, and the failed result says how to reproduce it', async () => {
    const summary = await run(centra, recordingsVariant('wrong-soap-action'), []);
    expect(summary.ok).toBe(false);
    const failed = summary.results.filter((r) => r.state === 'failed');
    expect(failed.map((r) => `${r.case ?? ''} ${r.check}`)).toEqual(['update-ok request.soap-action', 'update-ok scenario.exchange']);
    expect(failed.every((r) => r.state === 'failed' && typeof r.reproduce === 'string' && r.reproduce.startsWith('conformance '))).toBe(true);
  });

  it('isolates a reporter that throws: the others still get every event and the failure becomes a warning', async () => {
    const thrower: Reporter = {
      name: 'broken',
      onCheckResult: () => {
        throw new Error('disk full');
      },
      onRunEnd: async () => Promise.reject(new Error('still full')),
    };
    const seen = recorder('after-broken');
    const summary = await run(centra, CENTRA_RECORDINGS, [thrower, seen.reporter]);
    expect(seen.results).toHaveLength(summary.results.length);
    expect(seen.summary()).toBe(summary);
    expect(summary.warnings[0]).toEqual({ message: 'reporter broken failed in onCheckResult: disk full' });
    expect(summary.warnings).toHaveLength(summary.results.length + 1);
    expect(summary.warnings.at(-1)).toEqual({ message: 'reporter broken failed in onRunEnd: still full' });
  });
});
