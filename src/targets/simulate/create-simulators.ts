import type { LoadedContract } from '../../types/contract.ts';
import { createRecordingCache, type RecordingCache } from '../../recording/recording-cache.ts';
import { loadReplayEntries } from '../load-replay-entries.ts';
import { indexExemplars } from './exemplars.ts';
import type { Seed } from './load-seed.ts';
import { createSimulator, type Simulator } from './simulator.ts';
import { testCredentials } from './test-credentials.ts';
import { VENDOR_HOOKS } from './vendors/index.ts';

/** What the simulators are made of. */
export interface CreateSimulatorsOptions {
  readonly contracts: readonly LoadedContract[];
  /** Recordings folder: the documented response bodies the simulators answer with. */
  readonly recordingsDir: string;
  readonly seed: Seed;
  /** Credentials each simulator accepts, by contract id then credential name. @default each contract's test credentials */
  readonly credentials?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Refuse the departures the vendors' stacks accept (`simulate --strict`). @default false */
  readonly strict?: boolean;
  /** Where recordings are read, when the caller reads them too (a run's cases): each file is then read once. @default a new cache */
  readonly recordings?: RecordingCache;
}

/**
 * One simulator per contract (in contract id order), with its exemplars, vendor hooks, seed and
 * credentials, not yet served. The HTTP servers (start-simulators) and the msw handlers both use it.
 */
export async function createSimulators(options: CreateSimulatorsOptions): Promise<Simulator[]> {
  const sorted = [...options.contracts].sort((a, b) => a.contract.id.localeCompare(b.contract.id));
  const entries = await loadReplayEntries(sorted, options.recordingsDir, options.recordings ?? createRecordingCache());
  return sorted.map(({ contract }) => {
    const exemplars = indexExemplars(contract, entries.filter((e) => e.contract === contract).map((e) => e.entry));
    const hooks = VENDOR_HOOKS[contract.vendor];
    const credentials = { ...testCredentials(contract), ...(options.credentials?.[contract.id] ?? {}) };
    return createSimulator({ contract, exemplars, seed: options.seed[contract.vendor] ?? {}, credentials, strict: options.strict === true, ...(hooks === undefined ? {} : { hooks }) });
  });
}
