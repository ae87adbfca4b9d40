import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../reporters/markdown.ts';
import type { RunSummary } from '../../../src/model/run-summary.ts';
import { sampleSummary } from './sample-summary.ts';

const HOSTILE = '<script>alert(1)</script> | `x` **b** [l](http://e)';

function hostile(summary: RunSummary): RunSummary {
  return {
    ...summary,
    results: summary.results.map((r) => (r.state === 'failed' ? { ...r, title: HOSTILE, violations: r.violations.map((v) => ({ ...v, message: `Received: ${HOSTILE} / Documented: ${HOSTILE}.` })) } : r)),
    findings: summary.findings.map((f) => ({ ...f, title: HOSTILE, evidence: HOSTILE })),
  };
}

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleSummary);

  it('starts with a summary line, then the vendor × suite matrix', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('## ❌ conformance run: 1 failed, 3 passed, 1 skipped');
    expect(md).toContain('| vendor/operation | contract | request-building | response-parsing | total |');
    expect(md).toContain('| `crmcom/invoices_update` | ⏭️ 0/0 (1 skipped) | ✅ 1/1 | ❌ 0/1 | ❌ 1/2 (1 skipped) |');
  });

  it('puts the failures first, each with expected and actual, and findings and warnings in <details>', () => {
    const failures = md.indexOf('### Failures (1)');
    expect(failures).toBeGreaterThan(0);
    expect(md.indexOf('<details><summary>Warnings')).toBeGreaterThan(failures);
    expect(md.indexOf('<details><summary>Doc findings (1)')).toBeGreaterThan(failures);
    expect(md).toContain('- **enum** at `/error/code`\n  - expected: `one of "INVALID_STATE", "NOT_FOUND"`\n  - actual: `INV_LOCKED`');
  });

  it('escapes every value, so report content cannot inject HTML or Markdown', () => {
    const out = renderMarkdown(hostile(sampleSummary));
    // Inside a code span the text is literal (GFM never parses it as HTML); everywhere else it is escaped.
    const outsideCode = out.replace(/(`+) [^`]*?`[^`]*?`[^`]*? \1|(`+)[^`]+?\2/g, '');
    expect(outsideCode).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('\\*\\*b\\*\\*');
    expect(out).toContain('``<script>alert(1)</script> | `x` **b** [l](http://e)``');
  });

  it('says so in the summary line when everything passed', () => {
    const green = renderMarkdown({ ...sampleSummary, ok: true, totals: { passed: 2, failed: 0, skipped: 0 }, results: sampleSummary.results.slice(0, 2) });
    expect(green.split('\n')[0]).toBe('## ✅ conformance run: 0 failed, 2 passed, 0 skipped');
    expect(green).not.toContain('### Failures');
  });
});
