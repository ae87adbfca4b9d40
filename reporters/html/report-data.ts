import type { CheckResult } from '../../src/model/check-result.ts';
import type { DriftEntry, Finding, RunSummary } from '../../src/model/run-summary.ts';
import { describeViolation, type ViolationView } from '../shared/describe-violation.ts';
import { groupWarnings, type WarningGroup } from '../shared/group-warnings.ts';
import { countsLine, reportCommand } from '../shared/report-title.ts';

/** One result as the page shows it; violations only where there is something to show. */
export interface PageResult {
  readonly id: string;
  readonly state: CheckResult['state'];
  readonly vendor: string;
  readonly contract: string;
  readonly case: string;
  readonly check: string;
  readonly title: string;
  readonly suite: string;
  readonly file?: string;
  readonly reason?: string;
  readonly reproduce?: string;
  readonly violations: readonly ViolationView[];
}

/** Per vendor: conformance score over checks that ran, and coverage of documented items. */
export interface PageVendor {
  readonly vendor: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly covered: number;
  readonly documented: number;
}

/** Everything the page script renders, as plain JSON. */
export interface PageData {
  readonly title: string;
  readonly ok: boolean;
  readonly counts: string;
  readonly target: string;
  readonly startedAt: string;
  readonly tool: string;
  readonly suites: readonly string[];
  readonly contracts: readonly { readonly id: string; readonly vendor: string; readonly file: string }[];
  readonly vendors: readonly PageVendor[];
  readonly results: readonly PageResult[];
  readonly findings: readonly Finding[];
  readonly warnings: readonly WarningGroup[];
  readonly drift: readonly DriftEntry[];
}

/** The report model reduced to what the HTML page shows; failures first. Pure. */
export function pageData(summary: RunSummary): PageData {
  const results = summary.results.map(pageResult);
  const order = { failed: 0, passed: 1, skipped: 2 } as const;
  return {
    title: `conformance ${reportCommand(summary)}`,
    ok: summary.ok,
    counts: countsLine(summary),
    target: summary.target,
    startedAt: summary.startedAt,
    tool: `${summary.tool.name} ${summary.tool.version}`,
    suites: summary.suites.filter((s) => summary.results.some((r) => r.suite === s)),
    contracts: summary.contracts.map((c) => ({ id: c.id, vendor: c.vendor, file: c.file })),
    vendors: vendors(summary),
    results: [...results].sort((a, b) => order[a.state] - order[b.state]),
    findings: summary.findings,
    warnings: groupWarnings(summary),
    drift: summary.drift ?? [],
  };
}

function pageResult(r: CheckResult): PageResult {
  const base = { id: r.id, state: r.state, vendor: vendorOf(r.contract), contract: r.contract, case: r.case ?? 'contract', check: r.check, title: r.title, suite: r.suite, ...(r.file === undefined ? {} : { file: r.file }) };
  switch (r.state) {
    case 'failed':
      return { ...base, violations: r.violations.map(describeViolation), ...(r.reproduce === undefined ? {} : { reproduce: r.reproduce }) };
    case 'passed':
      return { ...base, violations: r.violations.filter((v) => v.severity === 'warning').map(describeViolation) };
    case 'skipped':
      return { ...base, reason: r.reason, violations: [] };
  }
}

function vendors(summary: RunSummary): PageVendor[] {
  const names = [...new Set([...summary.contracts.map((c) => c.vendor), ...summary.results.map((r) => vendorOf(r.contract))])];
  return names.map((vendor) => {
    const mine = summary.results.filter((r) => vendorOf(r.contract) === vendor);
    const coverage = summary.coverage.filter((c) => vendorOf(c.contract) === vendor);
    return {
      vendor,
      passed: mine.filter((r) => r.state === 'passed').length,
      failed: mine.filter((r) => r.state === 'failed').length,
      skipped: mine.filter((r) => r.state === 'skipped').length,
      covered: coverage.reduce((n, c) => n + c.covered, 0),
      documented: coverage.reduce((n, c) => n + c.total, 0),
    };
  });
}

function vendorOf(contract: string): string {
  return contract.split('/')[0] ?? contract;
}
