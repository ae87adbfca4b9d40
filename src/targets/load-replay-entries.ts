import { join } from 'node:path';
import type { LoadedContract } from '../types/contract.ts';
import { recordingPath } from '../recording/recording-path.ts';
import type { RecordingCache } from '../recording/recording-cache.ts';
import type { ReplayEntry } from './replay.ts';

/**
 * Every readable recording entry of the given contracts, for the replay target. Unreadable files
 * are skipped here; the contract.recordings-valid check reports them.
 */
export async function loadReplayEntries(contracts: readonly LoadedContract[], recordingsDir: string, cache: RecordingCache): Promise<ReplayEntry[]> {
  const files = new Map<string, LoadedContract>();
  for (const l of contracts) for (const c of l.contract.cases) files.set(join(recordingsDir, recordingPath(l.contract, c)), l);
  const loaded = await Promise.all(
    [...files].map(async ([file, l]) => {
      const har = await cache.read(file);
      return har.ok ? har.value.log.entries.map((entry) => ({ contract: l.contract, entry, file })) : [];
    }),
  );
  return loaded.flat();
}
