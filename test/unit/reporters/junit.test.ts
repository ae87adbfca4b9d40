import { spawn } from 'node:child_process';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/model/check-result.ts';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import { renderJunit } from '../../../reporters/junit.ts';
import { sampleSummary } from './sample-summary.ts';
import { repoPath } from '../../helpers/paths.ts';

const HOSTILE = '<&"]]>\u0001\'';
const STRIPPED = '<&"]]>\'';

/** Parse with attributes kept and every repeatable element as an array, without coercion. */
function parse(xml: string): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

interface ParsedCase {
  readonly name: string;
  readonly classname: string;
  readonly time: string;
  readonly failure?: { readonly message: string; readonly type: string; readonly '#text': string };
  readonly skipped?: { readonly message: string };
}

interface ParsedSuite {
  readonly name: string;
  readonly tests: string;
  readonly failures: string;
  readonly skipped: string;
  readonly testcase: readonly ParsedCase[];
  readonly 'system-out'?: string;
}

function suitesOf(xml: string): { root: Record<string, string>; suites: readonly ParsedSuite[] } {
  const doc = parse(xml) as { testsuites: Record<string, string> & { testsuite: ParsedSuite[] } };
  return { root: doc.testsuites, suites: doc.testsuites.testsuite };
}

function withHostileStrings(summary: RunSummary): RunSummary {
  const results = summary.results.map((r): CheckResult => {
    if (r.state === 'failed') {
      const [first, ...rest] = r.violations;
      return first === undefined ? r : { ...r, case: HOSTILE, violations: [{ ...first, message: HOSTILE, rule: HOSTILE }, ...rest] };
    }
    if (r.state === 'skipped') return { ...r, reason: HOSTILE };
    return r;
  });
  const findings = summary.findings.map((f) => ({ ...f, evidence: HOSTILE }));
  return { ...summary, results, findings };
}

describe('renderJunit', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(renderJunit(sampleSummary))).toBe(true);
  });

  it('counts tests, failures and skips on the root and on each contract testsuite', () => {
    const { root, suites } = suitesOf(renderJunit(sampleSummary));
    expect(root).toMatchObject({ name: 'conformance run', tests: '5', failures: '1', errors: '0', time: '1.234' });
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.skipped])).toEqual([
      ['centra/invoices_Update', '2', '0', '0'],
      ['crmcom/invoices_update', '3', '1', '1'],
    ]);
  });

  it('names testcases <case or "contract"> › <check id> with classname <contract>.<suite> and times in seconds', () => {
    const { suites } = suitesOf(renderJunit(sampleSummary));
    expect(suites[0]?.testcase[0]).toMatchObject({
      classname: 'centra/invoices_Update.contract',
      name: 'contract › contract.schema-valid',
      time: '0.002',
    });
  });

  it('gives a failed check a <failure> with the first violation as message and type, and every violation plus reproduce in its body', () => {
    const { suites } = suitesOf(renderJunit(sampleSummary));
    const failed = suites[1]?.testcase.find((t) => t.failure !== undefined);
    expect(failed?.failure?.message).toBe('contracts/crmcom/invoices_update.yaml: Received: "INV_LOCKED" / Documented: one of "INVALID_STATE", "NOT_FOUND".');
    expect(failed?.failure?.type).toBe('enum');
    const body = failed?.failure?.['#text'] ?? '';
    expect(body).toContain('/error/code [enum]');
    expect(body).toContain('status [status]: Received: 423 / Documented: 409 for a settled invoice.');
    expect(body).toContain('Reproduce: conformance parse crmcom/invoices_update --response');
  });

  it('marks a skipped check with <skipped message>, distinct from a failure', () => {
    const { suites } = suitesOf(renderJunit(sampleSummary));
    const skipped = suites[1]?.testcase.filter((t) => t.skipped !== undefined) ?? [];
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.skipped?.message).toBe('The contract has no documented examples.');
    expect(skipped[0]?.failure).toBeUndefined();
  });

  it('puts doc findings and warnings in the contract system-out, not in failures', () => {
    const { suites } = suitesOf(renderJunit(sampleSummary));
    expect(suites[0]?.['system-out']).toContain('Example line total does not equal price × quantity');
    expect(suites[0]?.failures).toBe('0');
    expect(suites[1]?.['system-out']).toContain('Warning: Recording is older than the contract');
  });

  it('escapes <&"]]> and strips \\u0001 everywhere, staying well-formed', () => {
    const xml = renderJunit(withHostileStrings(sampleSummary));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain(']]>');
    const { suites } = suitesOf(xml);
    const cases = suites[1]?.testcase ?? [];
    const failed = cases.find((t) => t.failure !== undefined);
    // A parser decodes the entities back to the original text, minus the illegal control character.
    expect(failed?.failure?.type).toBe(STRIPPED);
    expect(failed?.failure?.message).toBe(`contracts/crmcom/invoices_update.yaml: ${STRIPPED}`);
    expect(failed?.name).toBe(`${STRIPPED} › response.outcome-classified`);
    expect(cases.find((t) => t.skipped !== undefined)?.skipped?.message).toBe(STRIPPED);
    expect(suites[0]?.['system-out']).toContain(`evidence: ${STRIPPED}`);
  });
});

describe('renderJunit against the Jenkins junit-10.xsd', () => {
  it('validates with xmllint --schema, hostile strings included', async () => {
    for (const summary of [sampleSummary, withHostileStrings(sampleSummary)]) {
      const result = await validateJunit(renderJunit(summary));
      expect(result.stderr).toContain('validates');
      expect(result.code).toBe(0);
    }
  });

  it('fails xmllint when an attribute the schema forbids is present (the check can fail)', async () => {
    const broken = renderJunit(sampleSummary).replace('<testsuites ', '<testsuites skipped="1" ');
    const result = await validateJunit(broken);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("attribute 'skipped': The attribute 'skipped' is not allowed");
  });

  it('puts the repository-relative contract file on each testsuite, and a result file on its own testsuite', () => {
    const { suites } = suitesOf(renderJunit(sampleSummary));
    expect(suites.map((s) => (s as unknown as Record<string, string>)['file'])).toEqual(['contracts/centra/invoices_Update.yaml', 'contracts/crmcom/invoices_update.yaml']);
    const failed = sampleSummary.results.find((r) => r.state === 'failed');
    if (failed === undefined) throw new Error('no failure');
    const withFile = { ...sampleSummary, results: [...sampleSummary.results.filter((r) => r !== failed), { ...failed, file: 'recordings/crmcom/invoices_update/settled.har' }] };
    const regrouped = suitesOf(renderJunit(withFile)).suites.map((s) => [(s as unknown as Record<string, string>)['file'], s.name, s.tests]);
    expect(regrouped).toContainEqual(['recordings/crmcom/invoices_update/settled.har', 'crmcom/invoices_update recordings/crmcom/invoices_update/settled.har', '1']);
  });

  it('reports warnings of passed checks in the testcase system-out', () => {
    const xml = renderJunit(sampleSummary);
    const { suites } = suitesOf(xml);
    const passed = suites[1]?.testcase.find((t) => t.name === 'update-draft › request.required-fields') as (ParsedCase & { 'system-out'?: string }) | undefined;
    expect(passed?.failure).toBeUndefined();
    expect(passed?.['system-out']).toBe('Warning: /invoice/notes [deprecated] (warning): Received: "notes" / Documented: deprecated since v4; send "comments" instead.');
  });
});

/** Run xmllint --schema test/fixtures/junit/junit-10.xsd on the XML (from stdin). */
function validateJunit(xml: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('xmllint', ['--noout', '--schema', repoPath('test/fixtures/junit/junit-10.xsd'), '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    child.stdin.end(xml);
  });
}
