import type { HttpRequest } from '../../model/http.ts';
import { pickSimulator } from './pick-simulator.ts';
import { STATE_PATH, type Simulator } from './simulator.ts';

/**
 * One vendor's simulators behind one base URL, as the vendor serves all its operations on one
 * host: a request goes to the contract whose method and path it matches (SOAP operations on one
 * endpoint: the one whose SOAPAction it carries, with or without quotes, else whose operation
 * element it sends; see {@link pickSimulator}), else to the first, which answers 404 or 405. Each
 * answer names the contract that gave it (for the log line). The state view is the store of the vendor's update operation (the one with
 * documented behaviours): reads and logins keep no state.
 */
export function vendorSimulator(simulators: readonly Simulator[]): Simulator {
  const [first] = simulators;
  if (first === undefined) throw new Error('vendorSimulator needs at least one simulator');
  if (simulators.length === 1) return first;
  const all: readonly [Simulator, ...Simulator[]] = [first, ...simulators.slice(1)];
  const pick = (request: HttpRequest): Simulator => pickSimulator(all, request, new URL(request.url).pathname);
  const stateful = simulators.find((s) => (s.contract.behaviours ?? []).length > 0) ?? first;
  const state = (): unknown => stateful.state();
  return {
    contract: first.contract,
    handle: async (request) => {
      if (request.method.toUpperCase() === 'GET' && new URL(request.url).pathname === STATE_PATH) {
        return { response: { status: 200, headers: { 'content-type': 'application/json' }, body: `${JSON.stringify(state(), null, 2)}\n` }, documented: null };
      }
      // The log line names the operation that answered, not the host's first contract.
      const chosen = pick(request);
      return { ...(await chosen.handle(request)), contract: chosen.contract.id };
    },
    state,
    reset: () => {
      for (const s of simulators) s.reset();
    },
    reseed: (seed) => {
      for (const s of simulators) s.reseed(seed);
    },
  };
}
