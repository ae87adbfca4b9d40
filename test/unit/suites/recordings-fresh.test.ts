import { describe, expect, it } from 'vitest';
import { recordingsFresh } from '../../../suites/contract/recordings-fresh.ts';
import type { CaseContext, ContractContext } from '../../../suites/check.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

/** The prepared Centra contract with its first case's recording stamped with a contract hash. */
async function withHashes(current: string, recorded: string | undefined): Promise<ContractContext> {
  const ctx = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
  const [first, ...rest] = ctx.cases;
  if (first === undefined || !first.recording.ok) throw new Error('no recording');
  const stamped: CaseContext = { ...first, recording: recorded === undefined ? first.recording : { ...first.recording, contractHash: recorded } };
  return { ...ctx, hash: current, cases: [stamped, ...rest] };
}

describe('contract.recordings-fresh', () => {
  it('passes when the recording was made against the loaded contract', async () => {
    expect(recordingsFresh.run(await withHashes('a'.repeat(64), 'a'.repeat(64)))).toEqual([]);
  });

  it('passes for seeded recordings, which carry no contract hash', async () => {
    expect(recordingsFresh.run(await withHashes('a'.repeat(64), undefined))).toEqual([]);
  });

  it('warns (without failing) when the contract changed since the recording was made', async () => {
    const violations = recordingsFresh.run(await withHashes('a'.repeat(64), 'b'.repeat(64)));
    expect(violations).toEqual([expect.objectContaining({ rule: 'stale-recording', severity: 'warning', path: expect.stringMatching(/update-ok\.har$/) })]);
    expect(JSON.stringify(violations)).toContain('re-record it');
  });
});
