import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditSummary } from '../../../../src/audit/audit-summary.ts';
import { createAjv } from '../../../../src/contract/create-ajv.ts';
import { isSuiteError } from '../../../../src/errors.ts';
import { auditToReport, parseAuditReporterSpec } from '../../../../reporters/audit/index.ts';
import { renderConsoleSummary } from '../../../../reporters/console.ts';
import { renderJson } from '../../../../reporters/json.ts';
import { renderJunit } from '../../../../reporters/junit.ts';
import { renderMarkdown } from '../../../../reporters/markdown.ts';
import { codeSpan, escapeMarkdown } from '../../../../reporters/shared/escape-markdown.ts';
import { repoPath } from '../../../helpers/paths.ts';
import { auditFixture, auditFolders } from '../audit-fixtures.ts';
import { combinedAudit, HOSTILE, withHostileChange } from './sample-audit.ts';

// The audit renders through the one report model, with the renderers every command uses.
const renderAuditJson = (s: AuditSummary): string => renderJson(auditToReport(s));
const renderAuditJunit = (s: AuditSummary): string => renderJunit(auditToReport(s));
const renderAuditMarkdown = (s: AuditSummary): string => renderMarkdown(auditToReport(s));
const renderAuditConsole = (s: AuditSummary, options: { readonly color: boolean }): string => renderConsoleSummary(auditToReport(s), options);

let summary: AuditSummary;
let clean: AuditSummary;

beforeAll(async () => {
  summary = await combinedAudit();
  clean = await auditFolders(auditFixture('baseline'), auditFixture('baseline'));
});

describe('the audit as the JSON report', () => {
  const schema = JSON.parse(readFileSync(repoPath('reporters/json-report.schema.json'), 'utf8')) as object;

  it('validates against the published schema, with drift and without', () => {
    const validate = createAjv().compile(schema);
    for (const s of [summary, clean, withHostileChange(summary)]) expect(validate(JSON.parse(renderAuditJson(s))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is schema version 1 with fields in schema order, the audit section and the drift, and leaves out absent evidence', () => {
    const report = JSON.parse(renderAuditJson(summary)) as Record<string, unknown> & { drift: Array<Record<string, unknown>>; audit: Record<string, unknown> };
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'target', 'startedAt', 'durationMs', 'ok', 'totals', 'suites', 'contracts', 'results', 'findings', 'coverage', 'warnings', 'command', 'rerun', 'audit', 'drift']);
    expect(report['schemaVersion']).toBe(1);
    expect(report['command']).toBe('audit');
    expect(report.audit['totals']).toEqual({ pairs: 53, unchanged: 48, changed: 5, added: 0, removed: 0, breaking: 4, warning: 1, info: 0 });
    expect(report.drift).toHaveLength(5);
    const removed = report.drift.find((c) => c['id'] === 'drift.field-removed');
    expect(removed).toMatchObject({ kind: 'field-removed', severity: 'breaking', vendor: 'ebizcharge', before: '1' });
    expect(removed).not.toHaveProperty('after');
    expect(typeof removed?.['breaks']).toBe('string');
    expect(renderAuditJson(summary)).toBe(renderAuditJson(summary));
  });
});

describe('the audit as JUnit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, isArray: (n) => ['testsuite', 'testcase', 'property'].includes(n) });
  type Case = { name: string; failure?: { type: string }; 'system-out'?: string };
  type Suite = { name: string; tests: string; failures: string; file: string; testcase: Case[] };
  const parse = (xml: string): { testsuites: { tests: string; failures: string; testsuite: Suite[] } } => parser.parse(xml) as never;

  it('is well-formed, also with hostile text', () => {
    expect(XMLValidator.validate(renderAuditJunit(summary))).toBe(true);
    expect(XMLValidator.validate(renderAuditJunit(withHostileChange(summary)))).toBe(true);
  });

  it('has one testsuite per recording, with its file=, and one testcase per case pair; pairs with breaking changes fail', () => {
    const doc = parse(renderAuditJunit(summary)).testsuites;
    expect(doc.testsuite.map((s) => s.file)).toEqual(summary.pairs.map((p) => `${summary.current}/${p.file}`));
    expect(Number(doc.tests)).toBe(summary.pairs.length);
    expect(doc.testsuite.reduce((n, s) => n + s.testcase.length, 0)).toBe(summary.pairs.length);
    expect(Number(doc.failures)).toBe(4);
    const crmcom = doc.testsuite.filter((s) => s.name.startsWith('crmcom/invoices_update ')).flatMap((s) => s.testcase);
    expect(crmcom.find((c) => c.name === 'token-expired › audit.drift')?.failure?.type).toBe('drift.status-changed');
    // Below --fail-on: reported in system-out, not failed.
    const notDraft = crmcom.find((c) => c.name === 'invoice-not-draft › audit.drift');
    expect(notDraft?.failure).toBeUndefined();
    expect(notDraft?.['system-out']).toContain('drift.message-changed');
  });

  it('fails warning-level pairs too with --fail-on warning', () => {
    expect(Number(parse(renderAuditJunit({ ...summary, failOn: 'warning' })).testsuites.failures)).toBe(5);
  });
});

describe('the audit as Markdown', () => {
  it('starts with a summary line and has a table per vendor, ordered by severity, with the evidence in <details>', () => {
    const md = renderAuditMarkdown(summary);
    expect(md.split('\n')[0]).toBe('## ❌ conformance audit: 4 breaking · 1 warning');
    expect(md).toContain('### crmcom: 2 breaking · 1 warning');
    expect(md).toContain('### ebizcharge: 2 breaking');
    expect(md.match(/^\| Severity \| Change \| Case \| Path \| Before \| After \|$/gm)).toHaveLength(2);
    const crmcomRows = md.split('### crmcom')[1]?.split('### ')[0]?.split('\n').filter((l) => l.startsWith('| 🔴') || l.startsWith('| 🟠')) ?? [];
    expect(crmcomRows.map((l) => l.split(' | ')[0])).toEqual(['| 🔴 breaking', '| 🔴 breaking', '| 🟠 warning']);
    expect(md).toContain('<details><summary>Evidence (3 changes)</summary>');
    expect(md).toContain('`/Envelope/Body/UpdateInvoiceResponse/UpdateInvoiceResult/StatusCode`');
  });

  it('says so when nothing drifted', () => {
    const md = renderAuditMarkdown(clean);
    expect(md.split('\n')[0]).toBe('## ✅ conformance audit: no drift');
    expect(md).not.toContain('| Severity');
  });

  it('keeps hostile text inside its table cell and code spans', () => {
    const md = renderAuditMarkdown(withHostileChange(summary));
    const row = md.split('\n').find((l) => l.includes('a\\|b'));
    expect(row).toBeDefined();
    // Six cells: seven unescaped pipes.
    expect(row?.match(/(?<!\\)\|/g)).toHaveLength(7);
    // Outside code spans, markup is escaped; control characters never reach the output.
    expect(md).toContain('d&lt;e&gt;&amp;&quot;');
    expect(md).not.toContain('\u0001');
  });
});

describe('markdown escaping', () => {
  it('escapes HTML and inline Markdown in prose', () => {
    expect(escapeMarkdown('<b>*x*</b> | `y`\nz')).toBe('&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\`y\\` z');
  });

  it('fences code spans longer than any backtick run inside, and escapes pipes in tables', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('a|b', true)).toBe('`a\\|b`');
  });
});

describe('the audit on the console', () => {
  it('groups changes by vendor and severity and ends with the tally and the verdict', () => {
    const out = renderAuditConsole(summary, { color: false });
    expect(out).toContain(' crmcom  2 breaking · 1 warning');
    expect(out.indexOf('drift.status-changed')).toBeLessThan(out.indexOf('drift.message-changed'));
    expect(out).toContain('before 200 → after 401');
    expect(out).toContain('before "1" → after (absent)');
    expect(out).toMatch(/ 4 breaking · 1 warning · 53 case pairs: 48 unchanged, 5 changed, 0 added, 0 removed/);
    expect(out).toContain('✗ Drift at or above --fail-on breaking');
    expect(out).toContain(`Accept after review: conformance audit --baseline ${summary.baseline} --current ${summary.current} --accept`);
    expect(out).not.toContain('\u001b[');
  });

  it('colours only when asked', () => {
    expect(renderAuditConsole(summary, { color: true })).toContain('\u001b[');
  });

  it('reports a clean audit in two lines after the header', () => {
    const out = renderAuditConsole(clean, { color: false });
    expect(out).toContain('no drift · 53 case pairs: 53 unchanged');
    expect(out).toContain('✓ No drift at or above --fail-on breaking');
    expect(out).not.toContain('--accept');
  });

  it('prints hostile text without breaking lines of other changes', () => {
    expect(renderAuditConsole(withHostileChange(summary), { color: false })).toContain(HOSTILE.split('\n')[0] ?? '');
  });
});

describe('parseAuditReporterSpec', () => {
  it('accepts console, json, junit and markdown, with a path for file formats', () => {
    expect(parseAuditReporterSpec('markdown')).toEqual({ name: 'markdown' });
    expect(parseAuditReporterSpec('markdown:out/a.md')).toEqual({ name: 'markdown', path: 'out/a.md' });
    expect(parseAuditReporterSpec('junit:C:\\x.xml')).toEqual({ name: 'junit', path: 'C:\\x.xml' });
  });

  it('accepts html and github too: they render the audit through the one report model', () => {
    expect(parseAuditReporterSpec('html:out/audit.html')).toEqual({ name: 'html', path: 'out/audit.html' });
    expect(parseAuditReporterSpec('github')).toEqual({ name: 'github' });
  });

  it.each(['tap', 'json:', 'console:out.txt', 'github:out.txt'])('rejects %s as REPORTER_INVALID', (spec) => {
    let error: unknown;
    try {
      parseAuditReporterSpec(spec);
    } catch (e) {
      error = e;
    }
    expect(isSuiteError(error) && error.code).toBe('REPORTER_INVALID');
  });
});
