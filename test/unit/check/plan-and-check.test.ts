import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../../src/types/contract.ts';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import type { CapturedEntry } from '../../../src/check/captured-entry.ts';
import { checkCaptures, planAndCheck, reportCapture } from '../../../src/check/check-captures.ts';
import { planEntries, planEntry } from '../../../src/check/plan-entries.ts';
import { readCapture } from '../../../src/check/read-capture.ts';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import type { Reporter } from '../../../src/types/reporter.ts';
import { CHECKS } from '../../../suites/index.ts';
import { repoPath } from '../../helpers/paths.ts';

let contracts: LoadedContract[] = [];
let entries: readonly CapturedEntry[] = [];
const tool = { name: 't', version: '0' };

beforeAll(async () => {
  contracts = await loadAllContracts([repoPath('contracts')]);
  const capture = await readCapture('test/fixtures/har/planted-mistakes.har');
  if (!capture.ok) throw new Error(capture.problem);
  entries = capture.value.entries;
});

/** A summary without its clock readings (`startedAt`, every `durationMs`). */
function timeless(summary: RunSummary): unknown {
  return JSON.parse(JSON.stringify(summary, (key, value: unknown) => (key === 'durationMs' || key === 'startedAt' ? 0 : value)));
}

describe('planAndCheck', () => {
  it('gives the same report as planning every entry first and checking them after', async () => {
    const before = await checkCaptures(planEntries(entries, contracts.map((l) => l.contract)), { contracts, checks: CHECKS, reporters: [], tool, unknown: 'ignore' });
    const done = await planAndCheck(entries, { contracts: contracts.map((l) => l.contract), checks: CHECKS, unknown: 'ignore' });
    const after = await reportCapture(done, { contracts, reporters: [], tool });
    expect(timeless(after)).toEqual(timeless(before));
    // The planted mistakes fail (7 of the 8 checked entries; one entry is for no contract).
    expect(after.entries?.filter((e) => e.state === 'failed')).toHaveLength(7);
  });

  it('plans every entry but checks only those the shard owns, in order', async () => {
    const done = await planAndCheck(entries, { contracts: contracts.map((l) => l.contract), checks: CHECKS, shard: { index: 2, total: 3 } });
    expect(done.planned).toHaveLength(9);
    expect(done.checked.map((c) => c.planned.entry.index)).toEqual([4, 5, 6]);
  });

  it('hands each SOAP request parsed once to its checks: the document planning read', () => {
    const soap = entries.find((e) => e.exchange.request.headers['soapaction'] !== undefined);
    if (soap === undefined) throw new Error('no SOAP entry in the fixture');
    const one = planEntry(soap, contracts.map((l) => l.contract));
    const parsed = parseXml(soap.exchange.request.body);
    expect(one.planned.match).toBeDefined();
    expect(parsed.ok && one.requestXml).toEqual(parsed.ok ? parsed.value : undefined);
  });

  it('tells reporters nothing until every entry is checked, then announces as many results as it reports', async () => {
    const seen: string[] = [];
    let announced = -1;
    const reporter: Reporter = {
      name: 'spy',
      onRunStart: (info) => {
        announced = info.planned;
        seen.push('start');
      },
      onCheckResult: () => {
        seen.push('result');
      },
    };
    const done = await planAndCheck(entries, { contracts: contracts.map((l) => l.contract), checks: CHECKS });
    expect(seen).toEqual([]);
    const summary = await reportCapture(done, { contracts, reporters: [reporter], tool });
    expect(seen[0]).toBe('start');
    expect(seen.filter((s) => s === 'result')).toHaveLength(summary.results.length);
    expect(announced).toBe(summary.results.length);
  });
});
