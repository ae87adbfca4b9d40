import { describe, expect, it } from 'vitest';
import { createConsoleReporter, renderConsoleSummary } from '../../../reporters/console.ts';
import { sampleSummary } from './sample-summary.ts';

/** Drive the reporter through a whole run and return everything it wrote. */
async function runReporter(color: boolean): Promise<string> {
  const chunks: string[] = [];
  const reporter = createConsoleReporter({ color, stdout: { write: (c: string) => chunks.push(c) } });
  await reporter.onRunStart?.({ target: 'replay', contracts: sampleSummary.contracts.map((c) => c.id), planned: 5 });
  for (const result of sampleSummary.results) await reporter.onCheckResult?.(result);
  await reporter.onWarning?.('Rate limited; retrying in 1s.');
  await reporter.onRunEnd?.(sampleSummary);
  return chunks.join('');
}

describe('renderConsoleSummary', () => {
  const text = renderConsoleSummary(sampleSummary, { color: false });
  const lines = text.split('\n');

  it('prints a contract × suite table with pass fractions, failures and skips', () => {
    expect(lines).toContain('vendor/operation        contract   request-building  response-parsing  total');
    expect(lines).toContain('centra/invoices_Update  1/1        1/1               -                 2/2');
    expect(lines).toContain('crmcom/invoices_update  1 skipped  1/1               0/1 ✗             1/2 ✗ (1 skipped)');
  });

  it('explains every failed check: id, contract › case, each violation path, rule and message, and reproduce', () => {
    expect(text).toContain('✗ 1) response.outcome-classified — Response is classified into a documented outcome');
    expect(text).toContain('crmcom/invoices_update › settled-invoice  [response-parsing]');
    expect(text).toContain('/error/code  [enum]\n      Received: "INV_LOCKED" / Documented: one of "INVALID_STATE", "NOT_FOUND".');
    expect(text).toContain('status  [status]\n      Received: 423 / Documented: 409 for a settled invoice.');
    expect(text).toContain(
      'Reproduce: conformance parse crmcom/invoices_update --response recordings/crmcom/invoices_update/settled-invoice.har --status 423',
    );
  });

  it('lists findings by contract with location and evidence, labelled as not failures', () => {
    expect(text).toContain('Findings (1) · vendor documentation inconsistencies, not failures');
    expect(text).toContain(' centra/invoices_Update\n   • Example line total does not equal price × quantity');
    expect(text).toContain('at vendor-docs/centra/invoices_Update.md:142');
    expect(text).toContain('evidence: Quantity 3 × UnitPrice 10.00 = 30.00, but the example shows LineTotal 33.00.');
  });

  it('lists run warnings and the warnings of passed checks', () => {
    expect(text).toContain('⚠ crmcom/invoices_update: Recording is older than the contract; re-record it.');
    expect(text).toContain('request.required-fields: /invoice/notes [deprecated] Received: "notes"');
  });

  it('ends with the counts alone on a line, then duration and target', () => {
    expect(lines.slice(-3)).toEqual(['3 passed, 1 failed, 1 skipped', 'Duration 1.23s · target replay · 2 contracts', '']);
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
    expect(clean).not.toMatch(/Failures|Findings|Warnings/);
  });
});

describe('createConsoleReporter', () => {
  it('prints a header, one progress line per contract, live warnings, then the summary', async () => {
    const output = await runReporter(false);
    const lines = output.split('\n');
    expect(lines[0]).toBe(' conformance · target replay · 2 contracts · 5 checks');
    expect(lines).toContain(' ✓ centra/invoices_Update  2 passed  (5ms)');
    expect(lines).toContain(' ✗ crmcom/invoices_update  1 passed, 1 failed, 1 skipped  (9ms)');
    expect(lines).toContain(' ⚠ Rate limited; retrying in 1s.');
    expect(output.endsWith(renderConsoleSummary(sampleSummary, { color: false }))).toBe(true);
  });

  it('prints the contract line as soon as the next contract starts, not only at the end', async () => {
    const chunks: string[] = [];
    const reporter = createConsoleReporter({ color: false, stdout: { write: (c: string) => chunks.push(c) } });
    const [first, second, third] = sampleSummary.results;
    for (const result of [first, second]) if (result) await reporter.onCheckResult?.(result);
    expect(chunks).toEqual([]);
    if (third) await reporter.onCheckResult?.(third);
    expect(chunks.join('')).toContain('centra/invoices_Update');
  });
});
