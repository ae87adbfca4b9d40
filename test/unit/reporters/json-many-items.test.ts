import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import { renderJson, renderJsonParts } from '../../../reporters/json.ts';
import { utf8Join } from '../../../reporters/shared/utf8-join.ts';
import { sampleSummary } from './sample-summary.ts';

const entry = { id: 'app.har#1', file: 'app.har', index: 1, method: 'POST', host: 'h', path: '/p', contract: 'centra/invoices_Update', match: 'exact', differences: [], state: 'passed', secrets: [] } as const;

/** A check run with `n` results and `m` entries, each with its own id. */
function manyItems(n: number, m: number): RunSummary {
  const first = sampleSummary.results[0];
  if (first === undefined) throw new Error('empty sample');
  const results = Array.from({ length: n }, (_, i) => ({ ...first, id: `r${i}` }));
  const entries = Array.from({ length: m }, (_, i) => ({ ...entry, id: `app.har#${i + 1}`, index: i + 1 }));
  return { ...sampleSummary, target: 'check', results, entries };
}

describe('renderJsonParts with many results and entries', () => {
  it.each([
    [1, 1],
    [31, 32],
    [32, 33],
    [33, 64],
    [65, 97],
  ])('lays %i results and %i entries out exactly as JSON.stringify with two spaces does, every item once and in order', (n, m) => {
    const summary = manyItems(n, m);
    const text = renderJson(summary);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const report = JSON.parse(text) as { results: { id: string }[]; entries: { id: string }[] };
    expect(report.results.map((r) => r.id)).toEqual(Array.from({ length: n }, (_, i) => `r${i}`));
    expect(report.entries.map((e) => e.id)).toEqual(Array.from({ length: m }, (_, i) => `app.har#${i + 1}`));
    expect(utf8Join(renderJsonParts(summary)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});
