import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import type { CheckResult } from '../../../src/model/check-result.ts';
import { renderJson, renderJsonParts } from '../../../reporters/json.ts';
import { utf8Join } from '../../../reporters/shared/utf8-join.ts';
import { sampleSummary } from './sample-summary.ts';

const entry = { id: 'app.har#1', file: 'app.har', index: 1, method: 'POST', host: 'h', path: '/p', contract: 'centra/invoices_Update', match: 'exact', differences: [], state: 'failed', secrets: [] } as const;

/** The sample run as a `check` run: with entries, and a result whose message is multi-byte and over a mebibyte. */
function checkSummary(): RunSummary {
  const [first, ...rest] = sampleSummary.results;
  if (first === undefined) throw new Error('empty sample');
  const long: CheckResult = { ...first, id: 'long', state: 'failed', violations: [{ rule: 'r', path: '/', message: `Received: ${'€ 🧾 ✓ '.repeat(200_000)}`, severity: 'error' }] };
  return { ...sampleSummary, target: 'check', results: [first, long, ...rest], entries: [entry, { ...entry, id: 'app.har#2', index: 2, outcome: { status: 200, outcome: 'ok', vendorCode: null, message: 'Résumé' } }] };
}

describe('renderJsonParts', () => {
  it.each([
    ['a run', sampleSummary],
    ['a check run with entries and a long multi-byte result', checkSummary()],
    ['a run without results or entries', { ...sampleSummary, results: [], entries: [] }],
  ])('lays %s out exactly as JSON.stringify with two spaces does', (_what, summary) => {
    const text = renderJson(summary);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('keeps every result and entry, in order, and the fields around them', () => {
    const summary = checkSummary();
    const report = JSON.parse(renderJson(summary)) as { results: { id: string }[]; entries: { id: string; outcome?: { message: string } }[]; findings: unknown[]; warnings: unknown[]; target: string };
    expect(report.results.map((r) => r.id)).toEqual(summary.results.map((r) => r.id));
    expect(report.entries.map((e) => e.id)).toEqual(['app.har#1', 'app.har#2']);
    expect(report.entries[1]?.outcome?.message).toBe('Résumé');
    expect(report.findings).toHaveLength(summary.findings.length);
    expect(report.warnings).toHaveLength(summary.warnings.length);
    expect(report.target).toBe('check');
  });

  it('renders empty results and entries as []', () => {
    const text = renderJson({ ...sampleSummary, results: [], entries: [] });
    expect(text).toContain('\n  "results": [],\n');
    expect(text).toContain('\n  "entries": []\n');
  });

  it('gives, as UTF-8 bytes, exactly the bytes of the text, across blocks and for a part larger than one', () => {
    const summary = checkSummary();
    const bytes = utf8Join(renderJsonParts(summary));
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    expect(bytes.equals(Buffer.from(renderJson(summary), 'utf8'))).toBe(true);
  });
});

describe('utf8Join', () => {
  it('joins parts that straddle a block boundary without losing or splitting a character', () => {
    const parts = ['a'.repeat(1024 * 1024 - 1), '€', 'b', '🧾'.repeat(3)];
    expect(utf8Join(parts).toString('utf8')).toBe(parts.join(''));
    expect(utf8Join([]).length).toBe(0);
  });
});
