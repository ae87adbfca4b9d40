import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSection } from '../../src/model/audit-section.ts';
import type { DriftEntry, RunSummary } from '../../src/model/run-summary.ts';
import { createAjv } from '../../src/contract/create-ajv.ts';
import { hasStackTrace, QUEUED_TEST_TIMEOUT_MS, runCli, type CliResult } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { repoPath } from '../helpers/paths.ts';

const BASELINE = 'test/fixtures/audit/baseline';
const COMBINED = 'test/fixtures/audit/combined';
const variant = (name: string): string[] => ['--baseline', `test/fixtures/audit/variants/${name}/baseline`, '--current', `test/fixtures/audit/variants/${name}/current`];

/** The audit's JSON report: the one report model, with its audit section and drift. */
type AuditReport = RunSummary & { readonly audit: AuditSection; readonly drift: readonly DriftEntry[] };

function report(result: CliResult): AuditReport {
  try {
    return JSON.parse(result.stdout) as AuditReport;
  } catch {
    throw new Error(`no JSON report (exit ${result.code})\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}

describe.concurrent('conformance audit', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  // A real subprocess of the bin; the other tests call the command in-process.
  it('reports no drift for the shipped recordings against themselves and exits 0', async () => {
    const result = await runCli(['audit', '--baseline', 'recordings']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('no drift');
    expect(result.stdout).toContain('✓ No drift at or above --fail-on breaking');
  });

  it('reports exactly the five changes of the combined copy, each with its severity and path, and exits 1', async () => {
    const result = await runCommand(['audit', '--baseline', BASELINE, '--current', COMBINED, '--reporter', 'json']);
    expect(result.code).toBe(1);
    const audit = report(result);
    const ebiz = '/{http://schemas.xmlsoap.org/soap/envelope/}Envelope/{http://schemas.xmlsoap.org/soap/envelope/}Body/{http://eBizCharge.ServiceModel.SOAP}UpdateInvoiceResponse/{http://eBizCharge.ServiceModel.SOAP}UpdateInvoiceResult';
    expect(audit.drift.map((c) => [c.id, c.severity, c.case, c.path]).sort()).toEqual(
      [
        ['drift.field-removed', 'breaking', 'update-ok', `${ebiz}/{http://eBizCharge.ServiceModel.SOAP}StatusCode`],
        ['drift.type-changed', 'breaking', 'update-example-1', '$.data.udf_float_1'],
        ['drift.namespace-changed', 'breaking', 'update-ok-csharp-example', ebiz],
        ['drift.message-changed', 'warning', 'invoice-not-draft', '$.status.message'],
        ['drift.status-changed', 'breaking', 'token-expired', 'response.status'],
      ].sort(),
    );
    expect(audit.audit.totals).toMatchObject({ breaking: 4, warning: 1, info: 0, changed: 5 });
    expect(audit.command).toBe('audit');
    const schema = JSON.parse(readFileSync(repoPath('reporters/json-report.schema.json'), 'utf8')) as object;
    const validate = createAjv().compile(schema);
    expect(validate(audit), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each<[string, string, number]>([
    ['message-changed', 'breaking', 0],
    ['message-changed', 'warning', 1],
    ['message-changed', 'info', 1],
    ['field-added', 'warning', 0],
    ['field-added', 'info', 1],
    ['field-removed', 'breaking', 1],
  ])('exits by --fail-on: %s with --fail-on %s exits %i', async (name, failOn, code) => {
    const result = await runCommand(['audit', ...variant(name), '--fail-on', failOn]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(code);
  });

  it('reports a prefix-only change as no drift', async () => {
    const result = await runCommand(['audit', ...variant('prefix-only'), '--fail-on', 'info']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no drift');
  });

  it('shows folders as typed or relative to the working directory, never absolute', async () => {
    const result = await runCommand(['audit', '--baseline', repoPath(BASELINE), '--reporter', 'json']);
    const summary = report(result);
    expect(summary.audit.baseline).toBe(BASELINE);
    expect(summary.audit.current).toBe('recordings');
    const typed = report(await runCommand(['audit', '--baseline', `./${BASELINE}`, '--current', COMBINED, '--reporter', 'json']));
    expect(typed.audit.baseline).toBe(`./${BASELINE}`);
    expect(JSON.stringify(typed)).not.toContain(repoPath());
  });

  it('limits the audit to --vendor', async () => {
    const audit = report(await runCommand(['audit', '--baseline', BASELINE, '--current', COMBINED, '--vendor', 'crmcom', '--reporter', 'json']));
    expect(new Set(audit.audit.pairs.map((p) => p.vendor))).toEqual(new Set(['crmcom']));
    expect(audit.drift.map((c) => c.id).sort()).toEqual(['drift.message-changed', 'drift.status-changed', 'drift.type-changed']);
  });
});

describe('conformance audit --reporter to files', () => {
  let dir: string;
  let result: CliResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-audit-'));
    result = await runCommand(['audit', '--baseline', BASELINE, '--current', COMBINED, '--reporter', 'console', '--reporter', `json:${join(dir, 'a.json')}`, '--reporter', `junit:${join(dir, 'a.xml')}`, '--reporter', `markdown:${join(dir, 'a.md')}`]);
  }, QUEUED_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the console report and writes every file', async () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('4 breaking · 1 warning');
    expect((JSON.parse(await readFile(join(dir, 'a.json'), 'utf8')) as RunSummary).schemaVersion).toBe(1);
    expect(XMLValidator.validate(await readFile(join(dir, 'a.xml'), 'utf8'))).toBe(true);
    const md = await readFile(join(dir, 'a.md'), 'utf8');
    expect(md).toContain('## ❌ conformance audit: 4 breaking · 1 warning');
    expect(md).toContain('| Severity | Change | Case | Path | Before | After |');
  });
});

describe.concurrent('conformance audit usage errors exit 2 with a clear message and no stack trace', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  it.each<[string, string[], string]>([
    ['no --baseline', ['audit'], "error: required option '--baseline <dir>' not specified"],
    ['an unknown --fail-on', ['audit', '--baseline', BASELINE, '--fail-on', 'major'], 'error: Unknown --fail-on "major". Use one of: breaking, warning, info.'],
    ['a missing --baseline folder', ['audit', '--baseline', 'test/fixtures/audit/nope'], 'error: Cannot read --baseline test/fixtures/audit/nope: ENOENT'],
    ['a --current that is a file', ['audit', '--baseline', BASELINE, '--current', 'package.json'], 'error: --current package.json is not a folder of recordings.'],
    ['an unknown reporter', ['audit', '--baseline', BASELINE, '--reporter', 'tap'], 'error: Unknown reporter "tap" in --reporter tap. Known audit reporters: console, json, junit, markdown, html, github.'],
    ['two reporters on stdout', ['audit', '--baseline', BASELINE, '--reporter', 'json', '--reporter', 'markdown'], 'error: Only one reporter can write to stdout (got json, markdown).'],
    ['an unknown vendor', ['audit', '--baseline', BASELINE, '--vendor', 'nope'], 'error: Unknown vendor nope.'],
    ['a recording that is not HAR 1.2', ['audit', ...variant('not-har')], 'not valid HAR 1.2'],
    [
      'a response rule that cannot be evaluated (a suite error, not drift)',
      ['audit', '--contracts', 'test/fixtures/audit/contracts-rule-error', ...variant('success-message-changed')],
      'error: Cannot audit crmcom/invoices_update/update-example-1.har: response rule updated-invoice-is-draft of crmcom/invoices_update could not be evaluated (Unable to cast value to a number: "…"). Fix the rule in the contract; no drift was judged.',
    ],
  ])('for %s', async (_what, args, message) => {
    const result = await runCommand(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe('');
  });

  it('prints its usage with --help and exits 0', async () => {
    const result = await runCommand(['audit', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: conformance audit \[options\]/);
    expect(result.stdout).toContain('--fail-on <severity>');
  });
});
