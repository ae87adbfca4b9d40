import { describe, expect, it } from 'vitest';
import { createConsoleReporter, renderConsoleSummary } from '../../../reporters/console.ts';
import { renderFindings } from '../../../reporters/console/findings.ts';
import { createPalette } from '../../../reporters/console/palette.ts';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import type { ExchangeInfo } from '../../../src/types/reporter.ts';
import { sampleSummary } from './sample-summary.ts';

/** Drive the reporter through a whole run and return everything it wrote. */
async function runReporter(color: boolean, target = 'simulate'): Promise<string> {
  const chunks: string[] = [];
  const reporter = createConsoleReporter({ color, stdout: { write: (c: string) => chunks.push(c) } });
  await reporter.onRunStart?.({ target, contracts: sampleSummary.contracts.map((c) => c.id), planned: 5 });
  for (const result of sampleSummary.results) await reporter.onCheckResult?.(result);
  await reporter.onWarning?.('Rate limited; retrying in 1s.');
  await reporter.onRunEnd?.(sampleSummary);
  return chunks.join('');
}

/** The same warning text from two checks of one case, as request.build and request.rules both report a contract rule. */
function withDoubleReport(summary: RunSummary): RunSummary {
  const warning = { rule: 'rule', path: '/', message: 'Rule internal-id-recommended. Received: nothing / Documented: recommended.', severity: 'warning' as const, params: { rule: 'internal-id-recommended' } };
  const base = { suite: 'request-building' as const, contract: 'crmcom/invoices_update', durationMs: 1, state: 'passed' as const, violations: [warning] };
  const extra = ['a', 'b', 'c'].flatMap((c) => [
    { ...base, id: `crmcom/invoices_update#${c}#request.build`, check: 'request.build', title: 'Build', case: c },
    { ...base, id: `crmcom/invoices_update#${c}#request.rules`, check: 'request.rules', title: 'Rules', case: c },
  ]);
  return { ...summary, results: [...summary.results, ...extra] };
}

describe('renderConsoleSummary', () => {
  const text = renderConsoleSummary(sampleSummary, { color: false });
  const lines = text.split('\n');

  it('prints a vendor × suite table with pass fractions, failures and skips', () => {
    expect(lines).toContain('                         contract  request  response  total');
    expect(lines).toContain(' centra/invoices_Update  1/1       1/1      -         2/2');
    expect(lines).toContain(' crmcom/invoices_update  ↓1        1/1      0/1 ✗     1/2 ✗ ↓1');
  });

  it('labels rows by vendor when contract ids would not fit the terminal', () => {
    const narrow = renderConsoleSummary(sampleSummary, { color: false, columns: 50 }).split('\n');
    expect(narrow).toContain(' crmcom  ↓1        1/1      0/1 ✗     1/2 ✗ ↓1');
  });

  it('renders each failure as a block: what and where, expected and actual on their own lines, and the rerun command', () => {
    expect(text).toContain(' ✗ 1) crmcom/invoices_update › settled-invoice › response.outcome-classified\n    Response is classified into a documented outcome');
    expect(text).toContain('    enum at /error/code\n      expected  one of "INVALID_STATE", "NOT_FOUND"\n      actual    INV_LOCKED\n');
    expect(text).toContain('    status at status\n      expected  409 for a settled invoice\n      actual    423\n');
    expect(text).toContain('    rerun     conformance parse crmcom/invoices_update --response recordings/crmcom/invoices_update/settled-invoice.har --status 423');
  });

  it('shows a diff, not two long lines, when expected and actual are long', () => {
    const long = 'x'.repeat(300);
    const failed = sampleSummary.results.find((r) => r.state === 'failed');
    if (failed?.state !== 'failed') throw new Error('sample has no failure');
    const v = { rule: 'body', path: '/', message: `Received: ${long}A${long} / Documented: ${long}B${long}.`, severity: 'error' as const };
    const out = renderConsoleSummary({ ...sampleSummary, results: [{ ...failed, violations: [v] }] }, { color: false });
    expect(out).toContain('at character 301');
    expect(out).toMatch(/expected  …x+B/);
    expect(out).toMatch(/actual    …x+A/);
    expect(out.split('\n').every((l) => l.length <= 80 || l.includes('rerun'))).toBe(true);
  });

  it('counts doc findings in one line with the command that lists them', () => {
    expect(text).toContain(' • 1 doc finding: conformance findings --vendor centra');
    expect(renderConsoleSummary(sampleSummary, { color: false, columns: 120 })).toContain(' • 1 doc finding (vendor docs, not failures): conformance findings --vendor centra');
    expect(text).not.toContain('Quantity 3 × UnitPrice');
  });

  it('groups warnings by contract, check and rule, counting each case once', () => {
    const wide = renderConsoleSummary(sampleSummary, { color: false, columns: 200 });
    expect(wide).toContain(' ⚠ 1× crmcom/invoices_update: Recording is older than the contract; re-record it.');
    expect(wide).toContain(' ⚠ 1× crmcom/invoices_update request.required-fields: Received: "notes"');
    const doubled = renderConsoleSummary(withDoubleReport(sampleSummary), { color: false, columns: 200 });
    expect(doubled).toContain(' ⚠ 3× crmcom/invoices_update request.build, request.rules: Rule internal-id-recommended.');
    expect(doubled.match(/internal-id-recommended/g)).toHaveLength(1);
  });

  it('lists the failed ids again just above the closing counts, then duration and target', () => {
    expect(lines.slice(-6)).toEqual([
      ' Failed (1):',
      '   ✗ crmcom/invoices_update#settled-invoice#response.outcome-classified',
      '',
      ' 3 passed, 1 failed, 1 skipped',
      ' Duration 1.23s · target replay · 2 contracts',
      '',
    ]);
  });

  it('keeps every line within the terminal width, except rerun commands, which must stay whole', () => {
    for (const columns of [60, 80, 120]) {
      const out = renderConsoleSummary(sampleSummary, { color: false, columns }).split('\n');
      expect(out.filter((l) => l.length > columns && !l.includes('rerun'))).toEqual([]);
    }
  });

  it('prints no ANSI escapes when colour is off, and some when it is on', () => {
    expect(text).not.toMatch(/\u001b\[/);
    expect(renderConsoleSummary(sampleSummary, { color: true })).toMatch(/\u001b\[/);
  });

  it('leaves out the failures, findings and warnings sections when there is nothing to show', () => {
    const clean = renderConsoleSummary(
      { ...sampleSummary, ok: true, results: sampleSummary.results.slice(0, 2), findings: [], warnings: [] },
      { color: false },
    );
    expect(clean).not.toMatch(/Failures|Failed|finding|Warnings/);
  });
});

describe('renderFindings (conformance findings)', () => {
  it('lists findings by contract with location and evidence, labelled as not failures', () => {
    const text = renderFindings(sampleSummary.findings, createPalette(false), 200).join('\n');
    expect(text).toContain('Findings (1) · vendor documentation inconsistencies, not failures');
    expect(text).toContain(' centra/invoices_Update\n   • Example line total does not equal price × quantity [centra.example-line-total]');
    expect(text).toContain('at vendor-docs/centra/invoices_Update.md:142');
    expect(text).toContain('evidence: Quantity 3 × UnitPrice 10.00 = 30.00, but the example shows LineTotal 33.00.');
  });
});

describe('createConsoleReporter', () => {
  it('prints a header, one progress line per contract, live warnings, then the summary', async () => {
    const output = await runReporter(false);
    const lines = output.split('\n');
    expect(lines[0]).toBe(' conformance · target simulate · 2 contracts · 5 checks planned');
    expect(lines).toContain(' ✓ centra/invoices_Update  2 passed  (5ms)');
    expect(lines).toContain(' ✗ crmcom/invoices_update  1 passed, 1 failed, 1 skipped  (9ms)');
    expect(lines).toContain(' ⚠ Rate limited; retrying in 1s.');
    expect(output.endsWith(renderConsoleSummary(sampleSummary, { color: false }))).toBe(true);
  });

  it('leaves the per-contract lines out of a replay run, whose table shows every contract', async () => {
    const output = await runReporter(false, 'replay');
    expect(output.split('\n')[0]).toBe(' conformance · target replay · 2 contracts · 5 checks planned');
    expect(output).not.toContain(' ✓ centra/invoices_Update  2 passed  (5ms)');
    expect(output).toContain(' ⚠ Rate limited; retrying in 1s.');
    expect(output.endsWith(renderConsoleSummary(sampleSummary, { color: false }))).toBe(true);
  });

  it('prints the contract line as soon as the next contract starts, not only at the end', async () => {
    const chunks: string[] = [];
    const reporter = createConsoleReporter({ color: false, stdout: { write: (c: string) => chunks.push(c) } });
    await reporter.onRunStart?.({ target: 'simulate', contracts: ['centra/invoices_Update', 'crmcom/invoices_update'], planned: 5 });
    chunks.length = 0;
    const [first, second, third] = sampleSummary.results;
    for (const result of [first, second]) if (result) await reporter.onCheckResult?.(result);
    expect(chunks).toEqual([]);
    if (third) await reporter.onCheckResult?.(third);
    expect(chunks.join('')).toContain('centra/invoices_Update');
  });

  it('prints each exchange of a simulate run as it completes, and on a TTY redraws a progress line that it clears', async () => {
    const chunks: string[] = [];
    const reporter = createConsoleReporter({ color: false, tty: true, stdout: { write: (c: string) => chunks.push(c) } });
    await reporter.onRunStart?.({ target: 'simulate', contracts: ['centra/invoices_Update'], planned: 4, exchanges: 2 });
    const exchange: ExchangeInfo = { contract: 'centra/invoices_Update', case: 'update-ok', ok: true, status: 200, durationMs: 12, done: 1, total: 2 };
    await reporter.onExchange?.(exchange);
    expect(chunks.join('')).toContain(' → centra/invoices_Update › update-ok  HTTP 200  12ms\n');
    expect(chunks.at(-1)).toBe(' 1/2 exchanges · last centra/invoices_Update › update-ok');
    await reporter.onExchange?.({ ...exchange, case: 'fault', ok: false, problem: 'timeout after 10000 ms', done: 2 });
    expect(chunks.at(-1)).toBe('\r\u001b[2K ✗ centra/invoices_Update › fault  no answer: timeout after 10000 ms  12ms\n');
  });

  it('prints no exchange lines in replay, where answers come from recordings in-process', async () => {
    const chunks: string[] = [];
    const reporter = createConsoleReporter({ color: false, tty: true, stdout: { write: (c: string) => chunks.push(c) } });
    await reporter.onRunStart?.({ target: 'replay', contracts: ['centra/invoices_Update'], planned: 4, exchanges: 1 });
    await reporter.onExchange?.({ contract: 'centra/invoices_Update', case: 'update-ok', ok: true, status: 200, durationMs: 0, done: 1, total: 1 });
    expect(chunks.join('')).not.toContain('update-ok');
  });
});
