import { describe, expect, it } from 'vitest';
import { renderGithub } from '../../../reporters/github.ts';
import { sampleSummary } from './sample-summary.ts';

describe('renderGithub', () => {
  const lines = renderGithub(sampleSummary).trimEnd().split('\n');

  it('prints one ::error per failed check, at the contract file and the case line, with expected, actual and rerun', () => {
    const errors = lines.filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error file=contracts\/crmcom\/invoices_update\.yaml,line=1,title=crmcom\/invoices_update › settled-invoice › response\.outcome-classified::/);
    expect(errors[0]).toContain('%0Aexpected: one of "INVALID_STATE", "NOT_FOUND"%0Aactual: INV_LOCKED%0A');
    expect(errors[0]).toContain('%0Arerun: conformance parse crmcom/invoices_update');
  });

  it('uses the line of the case when the run located it, and encodes %, newlines, : and , as workflow commands require', () => {
    const failed = sampleSummary.results.find((r) => r.state === 'failed');
    if (failed?.state !== 'failed') throw new Error('no failure');
    const out = renderGithub({ ...sampleSummary, results: [{ ...failed, line: 42, contract: 'a,b:c', title: '100%\ndone' }] });
    expect(out).toMatch(/^::error line=42,title=a%2Cb%3Ac › settled-invoice › response.outcome-classified::100%25%0Adone/);
  });

  it('prints one ::warning per warning group, and nothing for a clean run', () => {
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(2);
    expect(renderGithub({ ...sampleSummary, results: sampleSummary.results.slice(0, 2), warnings: [] })).toBe('');
  });
});
