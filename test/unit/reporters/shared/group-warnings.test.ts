import { describe, expect, it } from 'vitest';
import { renderWarnings } from '../../../../reporters/console/warnings.ts';
import { createPalette } from '../../../../reporters/console/palette.ts';
import { groupWarnings } from '../../../../reporters/shared/group-warnings.ts';
import type { RunSummary } from '../../../../src/model/run-summary.ts';
import { sampleSummary } from '../sample-summary.ts';

/** One accepted departure (an undeclared field the vendor's stack accepts) reported at four places of one case. */
function withFourPlaces(summary: RunSummary): RunSummary {
  const violations = [5, 6, 7, 8].map((n) => ({ rule: 'unexpected-field', path: `/udf_float_${n}`, message: `Received: udf_float_${n} / Documented: no such field here.`, severity: 'warning' as const }));
  const result = { id: 'crmcom/invoices_update#example-1#request.schema', check: 'request.schema', title: 'Schema', suite: 'request-building' as const, contract: 'crmcom/invoices_update', case: 'example-1', durationMs: 1, state: 'passed' as const, violations };
  return { ...summary, results: [result], warnings: [] };
}

describe('groupWarnings', () => {
  it('groups one rule of one contract into one group, keeping every place it was reported at', () => {
    const groups = groupWarnings(withFourPlaces(sampleSummary));
    expect(groups).toHaveLength(1);
    expect(groups[0]?.paths).toEqual(['/udf_float_5', '/udf_float_6', '/udf_float_7', '/udf_float_8']);
    expect(groups[0]?.cases).toEqual(['example-1']);
  });

  it('says on the console how many places the first one stands for', () => {
    const lines = renderWarnings(withFourPlaces(sampleSummary), createPalette(false), 200);
    expect(lines[1]).toContain('crmcom/invoices_update request.schema (4 places): Received: udf_float_5');
  });
});
