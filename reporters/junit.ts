import type { CheckResult } from '../src/model/check-result.ts';
import type { RunSummary } from '../src/model/run-summary.ts';
import { countUnits, testUnits } from './junit/test-units.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { renderJunitTestsuite } from './junit/render-testsuite.ts';
import { contractIds } from './shared/contract-ids.ts';
import { escapeXmlAttribute as attr } from './shared/escape-xml.ts';
import { formatSeconds } from './shared/format-duration.ts';
import { writeOutput } from './shared/write-output.ts';

/**
 * Render a run as JUnit XML: one `<testsuite>` per contract, one `<testcase>` per check result
 * (for `conformance check`, one per captured entry).
 * Pure; every string is escaped and stripped of XML-illegal characters, so the output is always
 * well-formed. Doc findings and warnings go to the contract's `<system-out>`: they are not failures.
 */
export function renderJunit(summary: RunSummary): string {
  // Counted from the results themselves so the root always equals the sum of its testsuites.
  const units = testUnits(summary.results);
  const totals = countUnits(units);
  const suites = groupByContract(summary).map(([contract, results]) => renderJunitTestsuite(summary, contract, results));
  const open =
    `<testsuites name="conformance" tests="${units.length}"` +
    ` failures="${totals.failed}" skipped="${totals.skipped}" errors="0"` +
    ` time="${formatSeconds(summary.durationMs)}" timestamp="${attr(summary.startedAt)}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', open, ...suites, '</testsuites>', ''].join('\n');
}

/** A reporter that writes {@link renderJunit} at the end of the run to `options.path` (atomically) or stdout. */
export function createJunitReporter(options: ReporterOptions): Reporter {
  return {
    name: 'junit',
    async onRunEnd(summary) {
      await writeOutput(options, renderJunit(summary));
    },
  };
}

/** Results grouped by contract, in report order. */
function groupByContract(summary: RunSummary): ReadonlyArray<readonly [string, readonly CheckResult[]]> {
  return contractIds(summary).map((id) => [id, summary.results.filter((r) => r.contract === id)] as const);
}
