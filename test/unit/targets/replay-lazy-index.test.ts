import { describe, expect, it } from 'vitest';
import { createReplayTarget, type ReplayEntry } from '../../../src/targets/replay.ts';
import { loadReplayEntries } from '../../../src/targets/load-replay-entries.ts';
import { createRecordingCache } from '../../../src/recording/recording-cache.ts';
import { entryRequest } from '../../../src/recording/entry-to-exchange.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

async function centraEntries(): Promise<ReplayEntry[]> {
  const centra = await loadValidContract(CENTRA_CONTRACT);
  return loadReplayEntries([centra], CENTRA_RECORDINGS, createRecordingCache());
}

/** A copy of a recording answering with another status, listed after the original. */
function withStatus(e: ReplayEntry, status: number): ReplayEntry {
  return { ...e, file: `${e.file}#copy`, entry: { ...e.entry, response: { ...e.entry.response, status } } };
}

describe('replay keys its recordings as lookups need them', () => {
  it('answers each request with its own recording, in whatever order requests arrive', async () => {
    const entries = await centraEntries();
    const target = createReplayTarget(entries);
    try {
      expect(entries.length).toBeGreaterThan(5);
      for (const e of [...entries].reverse()) {
        const sent = await target.send(entryRequest(e.entry));
        expect(sent.ok && sent.exchange.response.status).toBe(e.entry.response.status);
      }
    } finally {
      await target.close();
    }
  });

  it('answers with the first of two equal recordings, even once the later one is keyed too', async () => {
    const entries = await centraEntries();
    const first = entries.find((e) => e.entry.response.status !== 599) as ReplayEntry;
    const target = createReplayTarget([...entries, withStatus(first, 599)]);
    try {
      // A request no recording matches keys every recording, the copy listed last included.
      const request = entryRequest(first.entry);
      expect(await target.send({ ...request, method: 'PUT' })).toMatchObject({ ok: false, kind: 'unmatched' });
      const sent = await target.send(entryRequest(first.entry));
      expect(sent.ok && sent.exchange.response.status).toBe(first.entry.response.status);
    } finally {
      await target.close();
    }
  });

  it('fails a request no recording matches, naming the nearest recording', async () => {
    const entries = await centraEntries();
    const target = createReplayTarget(entries);
    try {
      const request = entryRequest((entries[0] as ReplayEntry).entry);
      const sent = await target.send({ ...request, headers: { ...request.headers, soapaction: '"urn:elsewhere"' } });
      expect(sent).toMatchObject({ ok: false, kind: 'unmatched' });
      expect(sent.ok ? '' : sent.problem).toMatch(/nearest is .*\.har \(case [^)]+\), which differs in soapaction header/);
    } finally {
      await target.close();
    }
  });
});
