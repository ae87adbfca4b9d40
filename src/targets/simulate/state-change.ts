import { isSuiteError } from '../../errors.ts';
import type { HttpRequest } from '../../model/http.ts';
import { parseJson } from '../../codec/json/parse-json.ts';
import { checkVendorSeed, type VendorSeed } from './load-seed.ts';
import type { SimulatedResponse } from './sim-types.ts';
import { STATE_PATH, type Simulator } from './simulator.ts';

/** Largest accepted state body. */
const MAX_STATE_BYTES = 256 * 1024;

/**
 * `POST /__simulator/state`: replace the simulator's store with the posted vendor seed (the shape
 * of one vendor's entry in a seed file: `{ invoices, clients, scripted?, rateLimitPerMinute? }`).
 * `scripted` and `rateLimitPerMinute` keep the simulator's start-up values unless the body gives
 * them. This is how `pact verify` sets up each interaction's provider state. Answers 200 with the
 * new store, 400 (plain text) for a body that is not that shape; any other request: undefined.
 */
export function stateChange(sim: Simulator, request: HttpRequest): SimulatedResponse | undefined {
  if (request.method.toUpperCase() !== 'POST' || new URL(request.url).pathname !== STATE_PATH) return undefined;
  if (Buffer.byteLength(request.body) > MAX_STATE_BYTES) return text(413, `State body larger than ${MAX_STATE_BYTES} bytes.`);
  const parsed = parseJson(request.body);
  if (!parsed.ok) return text(400, `The state body is not JSON: ${parsed.problem.message}`);
  let seed: VendorSeed;
  try {
    seed = checkVendorSeed(parsed.value, `POST ${STATE_PATH}`);
  } catch (error) {
    if (!isSuiteError(error)) throw error;
    return text(400, [error.message, ...error.details].join('\n'));
  }
  sim.reseed(seed);
  return { response: { status: 200, headers: { 'content-type': 'application/json' }, body: `${JSON.stringify(sim.state(), null, 2)}\n` }, documented: null };
}

function text(status: number, message: string): SimulatedResponse {
  return { response: { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${message}\n` }, documented: null };
}
