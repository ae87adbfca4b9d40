import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/contract/load-contract.ts';
import { formatProblem } from '../../../src/contract/contract-problem.ts';
import { repoPath } from '../../helpers/paths.ts';

async function problems(variant: string): Promise<string[]> {
  const loaded = await loadContract(repoPath('test/fixtures/contracts/invalid', variant, 'centra/invoices_Update.yaml'));
  if (loaded.ok) throw new Error(`expected ${variant} to be rejected`);
  return loaded.problem.map((p) => `${p.line}:${p.col} ${p.rule}: ${p.message}`);
}

describe('the probe block of a contract', () => {
  it('refuses an outcome class as proof of accepted credentials', async () => {
    expect(await problems('probe-outcome-class')).toEqual([expect.stringMatching(/^257:7 type: probe\.valid\.0 must be of type object/)]);
  });

  it('refuses a refusal as proof of accepted credentials', async () => {
    expect(await problems('probe-proof-refusal')).toEqual(['257:9 probe-proof-refusal: response "fault-client" is a refusal (auth_failed or listed under probe.rejected), so it cannot prove the credentials accepted']);
  });

  it('loads the shipped Centra probe, whose proofs are documented success responses', async () => {
    const loaded = await loadContract(repoPath('contracts/centra/invoices_Update.yaml'));
    if (!loaded.ok) throw new Error(loaded.problem.map(formatProblem).join('\n'));
    expect(loaded.value.contract.probe?.valid).toEqual([{ response: 'update-response-ok' }, { response: 'result-success' }]);
  });
});
