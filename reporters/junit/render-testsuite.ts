import type { CheckResult } from '../../src/model/check-result.ts';
import type { RunSummary } from '../../src/model/run-summary.ts';
import { renderEntryTestcase } from './render-entry-testcase.ts';
import { countUnits, testUnits } from './test-units.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../shared/escape-xml.ts';
import { formatSeconds } from '../shared/format-duration.ts';
import { renderJunitTestcase } from './render-testcase.ts';

/**
 * Render one contract as a JUnit `<testsuite>` with one `<testcase>` per result, the
 * contract's metadata as `<properties>` and its doc findings and warnings in `<system-out>`.
 */
export function renderJunitTestsuite(
  summary: RunSummary,
  contract: string,
  results: readonly CheckResult[],
): string {
  const units = testUnits(results);
  const totals = countUnits(units);
  const time = results.reduce((sum, r) => sum + r.durationMs, 0);
  const open =
    `  <testsuite name="${attr(contract)}" tests="${units.length}" failures="${totals.failed}"` +
    ` errors="0" skipped="${totals.skipped}" time="${formatSeconds(time)}">`;
  const systemOut = renderSystemOut(summary, contract);
  const cases = units.map((u) => (u.kind === 'result' ? renderJunitTestcase(u.result) : renderEntryTestcase(summary.entries?.find((e) => e.id === u.entry), u.results)));
  return [open, renderProperties(summary, contract), ...cases, ...systemOut, '  </testsuite>'].join('\n');
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
          ['file', meta.file],
        ] as const)),
  ];
  const props = pairs.map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`);
  return ['    <properties>', ...props, '    </properties>'].join('\n');
}

/** Findings (not failures) and warnings for the contract, as plain text; nothing when there are none. */
function renderSystemOut(summary: RunSummary, contract: string): readonly string[] {
  const findings = summary.findings
    .filter((f) => f.contract === contract)
    .map((f) => `Finding ${f.id}: ${f.title}\n  at ${f.location}\n  evidence: ${f.evidence}`);
  const warnings = summary.warnings.filter((w) => w.contract === contract).map((w) => `Warning: ${w.message}`);
  const lines = [...findings, ...warnings];
  if (lines.length === 0) return [];
  return [`    <system-out>${text(lines.join('\n'))}</system-out>`];
}
