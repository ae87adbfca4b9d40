import type { CheckResult } from '../../src/model/check-result.ts';
import type { Totals } from '../../src/model/run-summary.ts';

/** What one JUnit `<testcase>` stands for: a check result, or (for `conformance check`) every result of one captured entry. */
export type TestUnit =
  | { readonly kind: 'result'; readonly result: CheckResult }
  | { readonly kind: 'entry'; readonly entry: string; readonly results: readonly CheckResult[] };

/** Results as testcases: results about one captured entry become one testcase, in first-seen order. */
export function testUnits(results: readonly CheckResult[]): TestUnit[] {
  const units: TestUnit[] = [];
  const byEntry = new Map<string, CheckResult[]>();
  for (const result of results) {
    if (result.entry === undefined) {
      units.push({ kind: 'result', result });
      continue;
    }
    const group = byEntry.get(result.entry);
    if (group !== undefined) group.push(result);
    else {
      const fresh = [result];
      byEntry.set(result.entry, fresh);
      units.push({ kind: 'entry', entry: result.entry, results: fresh });
    }
  }
  return units;
}

/** A unit's state: an entry fails when any of its checks failed, and is skipped when none ran. */
export function unitState(unit: TestUnit): CheckResult['state'] {
  if (unit.kind === 'result') return unit.result.state;
  if (unit.results.some((r) => r.state === 'failed')) return 'failed';
  return unit.results.every((r) => r.state === 'skipped') ? 'skipped' : 'passed';
}

/** Counts of units by state. */
export function countUnits(units: readonly TestUnit[]): Totals {
  const states = units.map(unitState);
  return { passed: states.filter((s) => s === 'passed').length, failed: states.filter((s) => s === 'failed').length, skipped: states.filter((s) => s === 'skipped').length };
}
