import type { Contract } from '../../types/contract.ts';
import { createSimulators, type CreateSimulatorsOptions } from './create-simulators.ts';
import { serveSimulator, type ControlRoute, type SimulatorLogLine } from './serve-simulator.ts';
import type { Simulator } from './simulator.ts';

/** How to start the simulators. */
export interface StartOptions extends CreateSimulatorsOptions {
  /** First port; contract i (in id order) listens on port + i. 0 or absent: the OS chooses. */
  readonly port?: number;
  readonly onRequest?: (line: SimulatorLogLine) => void;
  /** Extra routes every simulator's server answers before the vendor's endpoint (the /__simulator/* control routes). */
  readonly routes?: readonly ControlRoute[];
  /** Wrap each simulator before it is served (CI mode: check and record every request). */
  readonly wrap?: (simulator: Simulator) => Simulator;
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

/** Start one loopback HTTP simulator per contract, each with its test credentials and seed. */
export async function startSimulators(options: StartOptions): Promise<RunningSimulators> {
  const simulators = (await createSimulators(options)).map((s) => options.wrap?.(s) ?? s);
  const running: RunningSimulator[] = [];
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => void (await Promise.all(closers.map((c) => c())));
  try {
    for (const [i, simulator] of simulators.entries()) {
      const port = options.port === undefined || options.port === 0 ? 0 : options.port + i;
      const served = await serveSimulator(simulator, { port, ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }), ...(options.routes === undefined ? {} : { routes: options.routes }) });
      closers.push(served.close);
      running.push({ contract: simulator.contract, baseUrl: served.baseUrl, simulator });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { running, baseUrls: Object.fromEntries(running.map((r) => [r.contract.id, r.baseUrl])), close };
}
