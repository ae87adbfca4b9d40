import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../../src/types/contract.ts';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import { checkCaptures } from '../../../src/check/check-captures.ts';
import { planEntries } from '../../../src/check/plan-entries.ts';
import { readCapture } from '../../../src/check/read-capture.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { renderConsoleSummary, renderJunit, renderJson } from '../../../reporters/index.ts';
import { CHECKS } from '../../../suites/index.ts';
import { repoPath } from '../../helpers/paths.ts';

let contracts: LoadedContract[] = [];
let summary: RunSummary;

beforeAll(async () => {
  contracts = await loadAllContracts([repoPath('contracts')]);
  const capture = await readCapture('test/fixtures/har/planted-mistakes.har');
  if (!capture.ok) throw new Error(capture.problem);
  const planned = planEntries(capture.value.entries, contracts.map((l) => l.contract));
  summary = await checkCaptures(planned, { contracts, checks: CHECKS, reporters: [], tool: { name: 't', version: '0' }, unknown: 'ignore' });
});

describe('checkCaptures', () => {
  it('gives one entry summary per HAR entry, and results that name their entry', () => {
    expect(summary.target).toBe('check');
    expect(summary.ok).toBe(false);
    expect(summary.entries?.map((e) => e.id)).toEqual(Array.from({ length: 9 }, (_, i) => `test/fixtures/har/planted-mistakes.har#${i + 1}`));
    expect(summary.results.every((r) => r.entry !== undefined)).toBe(true);
    expect(summary.contracts.map((c) => [c.id, c.cases])).toEqual(expect.arrayContaining([['ebizcharge/UpdateInvoice', 2], ['opsplanning/UpdateInvoicePaymentStatus', 2]]));
  });

  it('renders one JUnit testcase per entry, its failure listing every violation and the outcome', () => {
    const xml = renderJunit(summary);
    expect([...xml.matchAll(/<testcase /g)]).toHaveLength(9);
    // Entry 4's unquoted SOAPAction is a warning (EBizCharge's stack accepts it), so 7 of the 8 checked entries fail.
    // junit-10.xsd: no skipped count on the root; the one entry no contract matches is a skipped testcase.
    expect(xml).toMatch(/<testsuites name="conformance check" tests="9" failures="7" errors="0"/);
    expect([...xml.matchAll(/<skipped /g)]).toHaveLength(1);
    expect(xml).toMatch(/<testcase classname="ebizcharge\/UpdateInvoice\.check" name="entry 4 POST \/eBizService\.svc › ebizcharge\/UpdateInvoice" time="[\d.]+"\/>/);
    expect(xml).toContain('name="entry 9 POST /eBizService.svc › ebizcharge/UpdateInvoice"');
    expect(xml).toContain('Response 200: outcome ok');
  });

  it('renders the entries with their outcome in the console, and keeps them in the JSON report', () => {
    const text = renderConsoleSummary(summary, { color: false });
    expect(text).toContain('Entries (8 checked, 1 not checked)');
    expect(text).toMatch(/✗ entry 8 {2}POST acme\.opsplanning\.com\/OpsProjectorWebSvc\/OpsProjectorSvc\.asmx {2}opsplanning\/UpdateInvoicePaymentStatus \(nearest\)/);
    const json = JSON.parse(renderJson(summary)) as { entries: unknown[]; results: Array<{ entry?: string }> };
    expect(json.entries).toHaveLength(9);
    expect(json.results[0]?.entry).toMatch(/#\d+$/);
  });

  it('renders a run without entries exactly as before (no Entries section)', () => {
    const { entries: _none, ...plain } = summary;
    const results = plain.results.map(({ entry: _e, ...r }) => r);
    const text = renderConsoleSummary({ ...plain, results } as RunSummary, { color: false });
    expect(text).not.toContain('Entries (');
    expect([...renderJunit({ ...plain, results } as RunSummary).matchAll(/<testcase /g)].length).toBe(results.length);
  });
});
