import type { Contract, LoadedContract } from '../../types/contract.ts';
import { createRecordingCache } from '../../recording/recording-cache.ts';
import { loadReplayEntries } from '../load-replay-entries.ts';
import { indexExemplars } from './exemplars.ts';
import type { Seed } from './load-seed.ts';
import { serveSimulator, type SimulatorLogLine } from './serve-simulator.ts';
import { createSimulator, type Simulator } from './simulator.ts';
import { testCredentials } from './test-credentials.ts';
import { vendorSimulator } from './vendor-simulator.ts';
import { VENDOR_HOOKS } from './vendors/index.ts';

/** How to start the simulators. */
export interface StartOptions {
  readonly contracts: readonly LoadedContract[];
  /** Recordings folder: the documented response bodies the simulators answer with. */
  readonly recordingsDir: string;
  readonly seed: Seed;
  /** First port; vendor i (in contract id order) listens on port + i. 0 or absent: the OS chooses. */
  readonly port?: number;
  readonly onRequest?: (line: SimulatorLogLine) => void;
  /** Refuse the departures the vendors' stacks accept (`simulate --strict`). @default false */
  readonly strict?: boolean;
}

/** One running simulator. */
export interface RunningSimulator {
  readonly contract: Contract;
  readonly baseUrl: string;
  readonly simulator: Simulator;
}

/** The running simulators and how to stop them. */
export interface RunningSimulators {
  readonly running: readonly RunningSimulator[];
  /** Base URL per contract id. */
  readonly baseUrls: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** Start one loopback HTTP server per vendor, serving a simulator per contract, each with its test credentials and seed. */
export async function startSimulators(options: StartOptions): Promise<RunningSimulators> {
  const sorted = [...options.contracts].sort((a, b) => a.contract.id.localeCompare(b.contract.id));
  const entries = await loadReplayEntries(sorted, options.recordingsDir, createRecordingCache());
  const running: RunningSimulator[] = [];
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => void (await Promise.all(closers.map((c) => c())));
  try {
    const vendors = [...new Set(sorted.map((l) => l.contract.vendor))];
    for (const [i, vendor] of vendors.entries()) {
      const own = sorted.filter((l) => l.contract.vendor === vendor).map(({ contract }) => {
        const exemplars = indexExemplars(contract, entries.filter((e) => e.contract === contract).map((e) => e.entry));
        const hooks = VENDOR_HOOKS[contract.vendor];
        return createSimulator({ contract, exemplars, seed: options.seed[contract.vendor] ?? {}, credentials: testCredentials(contract), strict: options.strict === true, ...(hooks === undefined ? {} : { hooks }) });
      });
      // One port per vendor: a vendor serves all its operations (CRM.COM's login and update) on one host.
      const port = options.port === undefined || options.port === 0 ? 0 : options.port + i;
      const served = await serveSimulator(vendorSimulator(own), { port, ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }) });
      closers.push(served.close);
      for (const simulator of own) running.push({ contract: simulator.contract, baseUrl: served.baseUrl, simulator });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { running, baseUrls: Object.fromEntries(running.map((r) => [r.contract.id, r.baseUrl])), close };
}
