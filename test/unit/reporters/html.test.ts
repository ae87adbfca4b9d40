import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../reporters/html.ts';
import type { CheckResult } from '../../../src/model/check-result.ts';
import { sampleSummary } from './sample-summary.ts';

describe('renderHtml', () => {
  it('is one self-contained document: inline style and script, a CSP that forbids every fetch, no URL to load', () => {
    const html = renderHtml(sampleSummary);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|https?:\/\/(?!www\.centra)/);
  });

  it('embeds report text so that it can never close the data block or inject markup', () => {
    const evil = '</script><script>alert(1)</script>\u2028';
    const html = renderHtml({ ...sampleSummary, findings: sampleSummary.findings.map((f) => ({ ...f, evidence: evil })), target: '<b>x</b>' });
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u2028');
    expect(html).toContain('target <code>&lt;b&gt;x&lt;/b&gt;</code>');
    const data = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect((JSON.parse(data) as { findings: { evidence: string }[] }).findings[0]?.evidence).toBe(evil);
  });

  it('stays small enough at 5,000 results: only failures and warnings carry violation details', () => {
    const passed = sampleSummary.results[0] as CheckResult;
    const many = Array.from({ length: 5000 }, (_, i): CheckResult => ({ ...passed, id: `${passed.id}#${i}` }));
    const html = renderHtml({ ...sampleSummary, results: [...many, ...sampleSummary.results] });
    expect(html.length).toBeLessThan(3_000_000);
  });
});
