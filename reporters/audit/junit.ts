import type { AuditPair, AuditSummary } from '../../src/audit/audit-summary.ts';
import type { AuditReporter } from '../../src/audit/audit-reporter.ts';
import type { DriftChange } from '../../src/audit/drift-change.ts';
import { atOrAbove } from '../../src/audit/drift-severity.ts';
import type { ReporterOptions } from '../../src/types/reporter.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../shared/escape-xml.ts';
import { formatSeconds } from '../shared/format-duration.ts';
import { writeOutput } from '../shared/write-output.ts';
import { formatEvidence } from './shared/format-evidence.ts';

/**
 * Render an audit as JUnit XML: one `<testsuite>` per contract, one `<testcase>` per case pair.
 * A pair fails when it has a change at or above `--fail-on`; its other changes go to its
 * `<system-out>`. Pure; every string is escaped, so the output is always well-formed.
 */
export function renderAuditJunit(summary: AuditSummary): string {
  const byPair = changesByPair(summary.changes);
  const contracts = [...new Set(summary.pairs.map((p) => p.contract))];
  const suites = contracts.map((contract) => testsuite(summary, contract, summary.pairs.filter((p) => p.contract === contract), byPair));
  const failures = summary.pairs.filter((p) => failing(summary, byPair.get(pairKey(p)) ?? [])).length;
  const open = `<testsuites name="conformance-audit" tests="${summary.pairs.length}" failures="${failures}" skipped="0" errors="0" time="${formatSeconds(summary.durationMs)}" timestamp="${attr(summary.startedAt)}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', open, ...suites, '</testsuites>', ''].join('\n');
}

/** Writes {@link renderAuditJunit} to `options.path` (atomically) or stdout. */
export function createAuditJunitReporter(options: ReporterOptions): AuditReporter {
  return {
    name: 'junit',
    async onAuditEnd(summary) {
      await writeOutput(options, renderAuditJunit(summary));
    },
  };
}

function pairKey(p: Pick<AuditPair, 'contract' | 'case' | 'file'>): string {
  return `${p.contract}\u0000${p.case}\u0000${p.file}`;
}

function changesByPair(changes: readonly DriftChange[]): Map<string, DriftChange[]> {
  const out = new Map<string, DriftChange[]>();
  for (const c of changes) {
    const key = pairKey(c);
    const list = out.get(key);
    if (list === undefined) out.set(key, [c]);
    else list.push(c);
  }
  return out;
}

function failing(summary: AuditSummary, changes: readonly DriftChange[]): boolean {
  return changes.some((c) => atOrAbove(c.severity, summary.failOn));
}

function testsuite(summary: AuditSummary, contract: string, pairs: readonly AuditPair[], byPair: ReadonlyMap<string, readonly DriftChange[]>): string {
  const failures = pairs.filter((p) => failing(summary, byPair.get(pairKey(p)) ?? [])).length;
  const vendor = pairs[0]?.vendor ?? '';
  return [
    `  <testsuite name="${attr(contract)}" tests="${pairs.length}" failures="${failures}" skipped="0" errors="0" time="0.000">`,
    '    <properties>',
    `      <property name="vendor" value="${attr(vendor)}"/>`,
    `      <property name="fail-on" value="${attr(summary.failOn)}"/>`,
    '    </properties>',
    ...pairs.map((p) => testcase(summary, p, byPair.get(pairKey(p)) ?? [])),
    '  </testsuite>',
  ].join('\n');
}

function testcase(summary: AuditSummary, p: AuditPair, changes: readonly DriftChange[]): string {
  const open = `    <testcase name="${attr(p.case)}" classname="${attr(p.contract)}" file="${attr(p.file)}" time="0.000"`;
  const failed = changes.filter((c) => atOrAbove(c.severity, summary.failOn));
  const other = changes.filter((c) => !atOrAbove(c.severity, summary.failOn));
  if (changes.length === 0) return `${open}/>`;
  const parts = [`${open}>`];
  if (failed.length > 0) {
    const first = failed[0];
    const message = `${failed.length} change${failed.length === 1 ? '' : 's'} at or above ${summary.failOn} (${p.state})`;
    parts.push(`      <failure message="${attr(message)}" type="${attr(first?.id ?? '')}">${text(failed.map(describe).join('\n\n'))}</failure>`);
  }
  if (other.length > 0) parts.push(`      <system-out>${text(other.map(describe).join('\n\n'))}</system-out>`);
  parts.push('    </testcase>');
  return parts.join('\n');
}

function describe(c: DriftChange): string {
  return `[${c.severity}] ${c.id} at ${c.path}\nbefore: ${formatEvidence(c.before)}\nafter: ${formatEvidence(c.after)}\n${c.message}`;
}
