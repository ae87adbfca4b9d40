import type { HttpRequest, HttpResponse } from '../../model/http.ts';
import type { SimulatedResponse } from '../../targets/simulate/sim-types.ts';
import type { Simulator } from '../../targets/simulate/simulator.ts';
import type { ReceivedRequest, RequestLog } from './request-log.ts';

/** Replaces the body of an answer with one of its legal serializations (corpus variants). */
export type VariantPicker = (simulator: Simulator, response: HttpResponse) => HttpResponse;

/** Control paths are not vendor traffic: they are neither checked nor logged. */
const CONTROL_PREFIX = '/__simulator/';

/** An answer and the checked, logged request it answered (absent for control paths). */
export interface CheckedAnswer {
  readonly answer: SimulatedResponse;
  readonly entry?: ReceivedRequest;
}

/**
 * Answer a request exactly as the simulator does (its handle(), not a copy), then check and log it.
 * The answer's `reason` says why a request was refused or did not conform.
 */
export async function handleChecked(inner: Simulator, log: RequestLog, request: HttpRequest, variant?: VariantPicker): Promise<CheckedAnswer> {
  const started = performance.now();
  const answer = await inner.handle(request);
  if (new URL(request.url).pathname.startsWith(CONTROL_PREFIX)) return { answer };
  const response = variant === undefined ? answer.response : variant(inner, answer.response);
  const entry = await log.record(inner.contract, request, response, Math.round(performance.now() - started));
  const reason = reasonOf(entry);
  return { answer: { ...answer, response, ...(reason === undefined ? {} : { reason }) }, entry };
}

/** A simulator that checks and logs every request it answers (see {@link handleChecked}). */
export function checkingSimulator(inner: Simulator, log: RequestLog, variant?: VariantPicker): Simulator {
  return {
    contract: inner.contract,
    state: () => inner.state(),
    reset: () => inner.reset(),
    handle: async (request) => (await handleChecked(inner, log, request, variant)).answer,
  };
}

function reasonOf(entry: ReceivedRequest): string | undefined {
  const errors = entry.violations.filter((v) => v.severity === 'error');
  if (errors.length > 0) {
    // One line per request: each rule once, with its first place and how many more.
    const rules = [...new Set(errors.map((v) => v.rule))].map((rule) => {
      const same = errors.filter((v) => v.rule === rule);
      return `${rule} at ${same[0]?.path ?? ''}${same.length > 1 ? ` (+${same.length - 1} more)` : ''}`;
    });
    return `${errors.length} violation(s): ${rules.join('; ')}`;
  }
  if (entry.response.outcome !== 'ok') return `${entry.response.outcome}${entry.response.message === null ? '' : `: ${entry.response.message}`}`;
  return undefined;
}
