import { http, HttpResponse as MswResponse, type HttpHandler } from 'msw';
import type { Contract, LoadedContract } from '../types/contract.ts';
import type { HttpRequest } from '../model/http.ts';
import { filterByVendor, loadAllContracts } from '../cli/load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../cli/paths.ts';
import { createSimulators } from '../targets/simulate/create-simulators.ts';
import { loadSeed, seedFrom, type Seed } from '../targets/simulate/load-seed.ts';
import { pickSimulator as pickFor } from '../targets/simulate/pick-simulator.ts';
import type { Simulator } from '../targets/simulate/simulator.ts';
import { handleChecked, type VariantPicker } from '../runner/received/checking-simulator.ts';
import { createRequestLog, type ReceivedRequest, type RequestLog } from '../runner/received/request-log.ts';
import { RECEIVED_REQUEST_CHECKS } from '../../suites/received-request-checks.ts';
import { strictCaseChecks } from '../../suites/strict-checks.ts';
import { variantPicker } from '../corpus/variant-picker.ts';
import { ConformanceViolationError, formatViolations } from './format-violations.ts';
import type { VendorHandlersOptions } from './msw-options.ts';

/** The handlers and what they saw. */
export interface VendorMocks {
  /** Pass to msw: `setupServer(...mocks.handlers)`. */
  readonly handlers: readonly HttpHandler[];
  /** Base URL each contract is intercepted at, by contract id. */
  readonly baseUrls: Readonly<Record<string, string>>;
  /** Every request received since the last assertConformant()/clear(), checked and redacted. */
  requests(): readonly ReceivedRequest[];
  /** The requests among them that did not conform. */
  violations(): readonly ReceivedRequest[];
  /**
   * For `afterEach`: throw a ConformanceViolationError listing every violation of every request since
   * the last call, then forget those requests. Does nothing when all conformed.
   */
  assertConformant(): void;
  /** Forget the received requests (the simulators keep their state). */
  clear(): void;
  /** Forget the received requests and put every simulator back to its seed. */
  reset(): void;
}

/**
 * msw handlers that answer as the vendor simulators do (stateful, documented behaviour: the simulators'
 * own handle()) and check every request with every request check of the suites.
 */
export async function vendorHandlers(options: VendorHandlersOptions = {}): Promise<VendorMocks> {
  const dirs = options.contracts === undefined ? [DEFAULT_CONTRACTS] : typeof options.contracts === 'string' ? [options.contracts] : [...options.contracts];
  const contracts = filterByVendor(await loadAllContracts(dirs), options.vendors ?? []);
  const credentials = byContract(contracts, options.credentials);
  const strict = options.strict === true;
  const simulators = await createSimulators({ contracts, recordingsDir: options.recordings ?? DEFAULT_RECORDINGS, seed: await seedOf(options.seed), credentials, strict });
  const log = createRequestLog({ checks: strict ? strictCaseChecks(RECEIVED_REQUEST_CHECKS) : RECEIVED_REQUEST_CHECKS, secrets: Object.values(credentials).flatMap((c) => Object.values(c)) });
  const pick = options.variants === true ? variantPicker() : undefined;
  const baseUrls = Object.fromEntries(contracts.map(({ contract }) => [contract.id, baseUrlOf(contract, options.baseUrls)]));
  const handlers = originsOf(baseUrls).map((origin) => handlerFor(origin, simulators.filter((s) => baseUrls[s.contract.id] === origin), { onViolation: options.onViolation ?? 'collect', log, pick }));
  const failing = (): ReceivedRequest[] => log.entries().filter((r) => !r.conformant);
  return {
    handlers,
    baseUrls,
    requests: () => log.entries(),
    violations: failing,
    assertConformant: () => {
      const bad = failing();
      const total = log.entries().length;
      log.clear();
      if (bad.length > 0) throw new ConformanceViolationError(bad, total);
    },
    clear: () => log.clear(),
    reset: () => {
      log.clear();
      for (const s of simulators) s.reset();
    },
  };
}

interface HandlerContext {
  readonly onViolation: NonNullable<VendorHandlersOptions['onViolation']>;
  readonly log: RequestLog;
  readonly pick: VariantPicker | undefined;
}

function handlerFor(base: string, sims: readonly Simulator[], { onViolation, log, pick }: HandlerContext): HttpHandler {
  const prefix = base.replace(/\/+$/, '');
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|\\?|$)`);
  return http.all(pattern, async ({ request }) => {
    const received = await toHttpRequest(request);
    const sim = pickSimulator(sims, received, prefix);
    const { answer, entry } = await handleChecked(sim, log, { ...received, url: rebase(received.url, prefix) }, pick);
    if (entry !== undefined && !entry.conformant) {
      if (onViolation === 'throw') throw new ConformanceViolationError([entry], 1);
      if (onViolation === 'respond' && answer.response.status < 400) return new MswResponse(`${formatViolations([entry], 1)}\n`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    return new MswResponse(answer.response.body === '' ? null : answer.response.body, { status: answer.response.status, headers: answer.response.headers });
  });
}

/** Among the contracts served at one base URL, the one the request is for (see {@link pickFor}). */
function pickSimulator(sims: readonly Simulator[], request: HttpRequest, prefix: string): Simulator {
  const [first, ...rest] = sims;
  if (first === undefined) throw new Error('no simulator is served at this base URL');
  const path = new URL(request.url).pathname.slice(new URL(prefix).pathname.replace(/\/$/, '').length) || '/';
  return pickFor([first, ...rest], request, path);
}

/** The simulator routes on the path below the base URL; a base URL with a path prefix is stripped. */
function rebase(url: string, prefix: string): string {
  const basePath = new URL(prefix).pathname.replace(/\/$/, '');
  if (basePath === '') return url;
  const u = new URL(url);
  u.pathname = u.pathname.slice(basePath.length) || '/';
  return u.toString();
}

async function toHttpRequest(request: Request): Promise<HttpRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  return { method: request.method, url: request.url, headers, body: await request.clone().text() };
}

function baseUrlOf(contract: Contract, given: VendorHandlersOptions['baseUrls']): string {
  return (given?.[contract.id] ?? given?.[contract.vendor] ?? contract.transport.replayBaseUrl).replace(/\/+$/, '');
}

function originsOf(baseUrls: Readonly<Record<string, string>>): string[] {
  return [...new Set(Object.values(baseUrls))];
}

function byContract(contracts: readonly LoadedContract[], given: VendorHandlersOptions['credentials']): Record<string, Record<string, string>> {
  return Object.fromEntries(contracts.flatMap(({ contract }) => {
    const c = given?.[contract.id] ?? given?.[contract.vendor];
    return c === undefined ? [] : [[contract.id, { ...c }]];
  }));
}

async function seedOf(seed: Seed | string | undefined): Promise<Seed> {
  if (seed === undefined || typeof seed === 'string') return loadSeed(seed);
  return seedFrom(seed, 'the seed option of vendorHandlers()');
}
