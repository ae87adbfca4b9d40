import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../../src/contract/create-ajv.ts';
import { parseXml } from '../../src/codec/xml/parse-xml.ts';
import { attributeValue, childElements } from '../../src/codec/xml/xml-element.ts';
import { SUITES } from '../../src/model/check-result.ts';
import { repoPath } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-cli.ts';
import { runReport, type ReportRun } from '../helpers/run-report.ts';

// A real subprocess of the bin (run's process-boundary test; other run tests call the command in-process).
describe('conformance run --vendor centra', () => {
  let dir: string;
  let junitFile: string;
  let result: ReportRun;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-e2e-'));
    junitFile = join(dir, 'j.xml');
    result = await runReport(['--vendor', 'centra', '--contracts', 'contracts/centra', '--reporter', `junit:${junitFile}`], (args) => runCli(args));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 with nothing on stderr', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('prints a JSON report of schema version 1 for centra/invoices_Update that validates against the published schema', () => {
    const schema = JSON.parse(readFileSync(repoPath('reporters/json-report.schema.json'), 'utf8')) as object;
    const validate = createAjv().compile(schema);
    expect(validate(result.report), JSON.stringify(validate.errors)).toBe(true);
    expect(result.report).toMatchObject({ schemaVersion: 1, ok: true, target: 'replay' });
    expect(result.report.contracts.map((c) => c.id)).toEqual(['centra/invoices_Update']);
    expect(result.report.totals.failed).toBe(0);
  });

  it.each(SUITES)('has at least one passed result in the %s suite', (suite) => {
    expect(result.report.results.filter((r) => r.suite === suite && r.state === 'passed').length).toBeGreaterThanOrEqual(1);
  });

  it('writes a JUnit file with one testsuite named centra/invoices_Update', async () => {
    const parsed = parseXml(await readFile(junitFile, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const suites = childElements(parsed.value, '', 'testsuite');
    expect(suites.map((s) => attributeValue(s, '', 'name'))).toEqual(['centra/invoices_Update']);
    expect(attributeValue(suites[0] ?? parsed.value, '', 'failures')).toBe('0');
    expect(childElements(suites[0] ?? parsed.value, '', 'testcase')).toHaveLength(result.report.results.length);
  });
});
