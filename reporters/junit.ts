import type { CheckResult } from '../src/model/check-result.ts';
import type { RunSummary } from '../src/model/run-summary.ts';
import { countUnits, testUnits } from './junit/test-units.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { renderJunitTestsuite } from './junit/render-testsuite.ts';
import { contractIds } from './shared/contract-ids.ts';
import { escapeXmlAttribute as attr } from './shared/escape-xml.ts';
import { formatSeconds } from './shared/format-duration.ts';
import { reportCommand } from './shared/report-title.ts';
import { writeOutput } from './shared/write-output.ts';

/** One `<testsuite>`: a contract's results, or (audit, check) the results about one recording of it. */
export interface JunitSuite {
  readonly contract: string;
  /** Repository-relative file annotators link to: the contract, or the recording/HAR. */
  readonly file?: string;
  readonly results: readonly CheckResult[];
}

/**
 * Render a report as JUnit XML valid against Jenkins' `junit-10.xsd` (kept in test/fixtures/junit/):
 * one `<testsuite file=…>` per contract (or per recording, when results name their own file), one
 * `<testcase>` per check result (for `conformance check`, one per captured entry). Warnings go to the testcase's `<system-out>`, doc findings and run
 * warnings to the testsuite's. Pure; every string is escaped and stripped of XML-illegal characters.
 */
export function renderJunit(summary: RunSummary): string {
  // Counted from the results themselves so the root always equals the sum of its testsuites.
  const totals = countUnits(testUnits(summary.results));
  const suites = junitSuites(summary).map((suite) => renderJunitTestsuite(summary, suite));
  const open =
    `<testsuites name="conformance ${attr(reportCommand(summary))}" tests="${totals.passed + totals.failed + totals.skipped}"` +
    ` failures="${totals.failed}" errors="0" time="${formatSeconds(summary.durationMs)}">`;
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

/** Results grouped by contract, and within a contract by the file they name (if any), in report order. */
function junitSuites(summary: RunSummary): readonly JunitSuite[] {
  const files = new Map(summary.contracts.map((c) => [c.id, c.file]));
  return contractIds(summary).flatMap((id) => {
    const mine = summary.results.filter((r) => r.contract === id);
    const own = [...new Set(mine.map((r) => r.file))];
    if (own.length === 1 && own[0] === undefined) return [withFile({ contract: id, results: mine }, files.get(id))];
    return own.map((file) => withFile({ contract: id, results: mine.filter((r) => r.file === file) }, file ?? files.get(id)));
  });
}

function withFile(suite: JunitSuite, file: string | undefined): JunitSuite {
  return file === undefined ? suite : { ...suite, file };
}
