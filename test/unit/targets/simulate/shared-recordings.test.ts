import { describe, expect, it } from 'vitest';
import { createSimulators } from '../../../../src/targets/simulate/create-simulators.ts';
import { defaultSeed } from '../../../../src/targets/simulate/load-seed.ts';
import { createRecordingCache, type RecordingCache } from '../../../../src/recording/recording-cache.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../../helpers/paths.ts';
import { loadValidContract } from '../../../helpers/prepare-contract.ts';

describe('the simulators read recordings through the cache they are given', () => {
  it('reads every recording of the contract through the run\'s cache, so the run reads none of them again', async () => {
    const centra = await loadValidContract(CENTRA_CONTRACT);
    const inner = createRecordingCache();
    const asked: string[] = [];
    const recordings: RecordingCache = { read: (file) => (asked.push(file), inner.read(file)) };
    const [simulator] = await createSimulators({ contracts: [centra], recordingsDir: CENTRA_RECORDINGS, seed: defaultSeed(), recordings });
    expect(simulator?.contract.id).toBe('centra/invoices_Update');
    expect(asked.length).toBe(new Set(asked).size);
    expect(asked.length).toBeGreaterThanOrEqual(centra.contract.cases.length);
    const first = asked[0] as string;
    expect(await inner.read(first)).toBe(await inner.read(first));
  });
});
