import type { RunSummary } from '../../src/model/run-summary.ts';
import type { JunitSuite } from '../junit.ts';
import { renderEntryTestcase } from './render-entry-testcase.ts';
import { countUnits, testUnits } from './test-units.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../shared/escape-xml.ts';
import { formatSeconds } from '../shared/format-duration.ts';
import { renderJunitTestcase } from './render-testcase.ts';

/**
 * Render one `<testsuite>` with its `file=` (where junit-10.xsd allows it, unlike `<testcase>`), one
 * `<testcase>` per result, the contract's metadata as `<properties>` and its doc findings and run
 * warnings in `<system-out>`.
 */
export function renderJunitTestsuite(summary: RunSummary, suite: JunitSuite): string {
  const units = testUnits(suite.results);
  const totals = countUnits(units);
  const time = suite.results.reduce((sum, r) => sum + r.durationMs, 0);
  const name = suite.file === undefined || isContractFile(summary, suite) ? suite.contract : `${suite.contract} ${suite.file}`;
  const open =
    `  <testsuite name="${attr(name)}" tests="${units.length}" failures="${totals.failed}"` +
    ` errors="0" skipped="${totals.skipped}" time="${formatSeconds(time)}" timestamp="${attr(summary.startedAt)}"` +
    (suite.file === undefined ? '' : ` file="${attr(suite.file)}"`) +
    '>';
  const systemOut = renderSystemOut(summary, suite.contract);
  return [open, renderProperties(summary, suite.contract), ...units.map((u) => (u.kind === 'result' ? renderJunitTestcase(u.result, suite.file) : renderEntryTestcase(summary.entries?.find((e) => e.id === u.entry), u.results))), ...systemOut, '  </testsuite>'].join('\n');
}

function isContractFile(summary: RunSummary, suite: JunitSuite): boolean {
  return summary.contracts.some((c) => c.id === suite.contract && c.file === suite.file);
}

/** Contract metadata (vendor, operation, protocol, file, target) as `<property>` elements. */
function renderProperties(summary: RunSummary, contract: string): string {
  const meta = summary.contracts.find((c) => c.id === contract);
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ['target', summary.target],
    ...(meta === undefined
      ? []
      : ([
          ['vendor', meta.vendor],
          ['operation', meta.operation],
          ['protocol', meta.protocol],
          ['contract-file', meta.file],
        ] as const)),
  ];
  const props = pairs.map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`);
  return ['    <properties>', ...props, '    </properties>'].join('\n');
}

/** Findings (not failures) and run warnings for the contract, as plain text; nothing when there are none. */
function renderSystemOut(summary: RunSummary, contract: string): readonly string[] {
  const findings = summary.findings
    .filter((f) => f.contract === contract)
    .map((f) => `Finding ${f.id}: ${f.title}\n  at ${f.location}\n  evidence: ${f.evidence}`);
  const warnings = summary.warnings.filter((w) => w.contract === contract).map((w) => `Warning: ${w.message}`);
  const lines = [...findings, ...warnings];
  if (lines.length === 0) return [];
  return [`    <system-out>${text(lines.join('\n'))}</system-out>`];
}
