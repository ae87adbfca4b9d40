import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingCache } from '../../../src/recording/recording-cache.ts';
import { entryRequest, entryResponse } from '../../../src/recording/entry-to-exchange.ts';
import { createReplayTarget, type ReplayEntry } from '../../../src/targets/replay.ts';
import { loadReplayEntries } from '../../../src/targets/load-replay-entries.ts';
import type { Target } from '../../../src/types/target.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

// Replay serves every contract origin through one msw handler that picks the origin itself.
describe('replay across origins', () => {
  let target: Target;
  let entry: ReplayEntry;
  beforeAll(async () => {
    const centra = await loadValidContract(CENTRA_CONTRACT);
    const crmcom = await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml'));
    const entries = await loadReplayEntries([centra], CENTRA_RECORDINGS, createRecordingCache());
    entry = entries[0] as ReplayEntry;
    target = createReplayTarget(entries, [centra.contract, crmcom.contract]);
  });
  afterAll(async () => target.close());

  it('answers a recorded request on its origin with the recorded status and body', async () => {
    const result = await target.send(entryRequest(entry.entry));
    expect(result.ok).toBe(true);
    const recorded = entryResponse(entry.entry);
    expect(result.ok && result.exchange.response.status).toBe(recorded.status);
    expect(result.ok && result.exchange.response.body).toBe(recorded.body);
  });

  it('matches the origin whatever the case of its host', async () => {
    const request = entryRequest(entry.entry);
    const result = await target.send({ ...request, url: request.url.replace('centra.replay.invalid', 'Centra.Replay.Invalid') });
    expect(result.ok).toBe(true);
  });

  it('fails a request to an origin no contract replays, naming the replay origins', async () => {
    const result = await target.send({ ...entryRequest(entry.entry), url: 'https://elsewhere.replay.invalid/soap' });
    expect(result).toMatchObject({ ok: false, kind: 'unmatched' });
    expect(!result.ok && result.problem).toContain("replay serves only the contracts' .invalid replay origins");
  });

  it('fails a request to a contract origin without recordings, saying none are loaded', async () => {
    const result = await target.send({ method: 'POST', url: 'https://crmcom.replay.invalid/invoices', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(result).toMatchObject({ ok: false, kind: 'unmatched' });
    expect(!result.ok && result.problem).toContain('no recordings are loaded for this contract');
  });

  it('fails a request that differs from every recording, naming the nearest one', async () => {
    const request = entryRequest(entry.entry);
    const result = await target.send({ ...request, url: `${request.url}/other` });
    expect(result).toMatchObject({ ok: false, kind: 'unmatched' });
    expect(!result.ok && result.problem).toContain(`nearest is ${entry.file}`);
  });
});
