import type { Contract } from '../../types/contract.ts';
import type { HttpRequest } from '../../model/http.ts';
import { protocolFor } from '../../protocols/index.ts';
import { validateRequestFields } from '../../protocols/check-built-request.ts';
import { compareRequests } from '../../recording/compare-requests.ts';
import { createRateLimiter, type RateLimiter } from './behaviours/rate-limiter.ts';
import { credentialProblem } from './check-credentials.ts';
import type { Exemplars } from './exemplars.ts';
import { createInvoiceStore, type InvoiceStore } from './invoice-store.ts';
import type { VendorSeed } from './load-seed.ts';
import { respond } from './respond.ts';
import { matchRoute } from './route.ts';
import type { Decision, SimulatedResponse } from './sim-types.ts';
import type { VendorHooks } from './vendors/index.ts';
import { brokenRule } from './broken-rule.ts';
import { updateInvoices } from './update-invoices.ts';

/** What one vendor's simulator is made of. */
export interface SimulatorOptions {
  readonly contract: Contract;
  readonly exemplars: Exemplars;
  readonly seed: VendorSeed;
  /** The credentials it accepts, by declared name. */
  readonly credentials: Readonly<Record<string, string>>;
  readonly hooks?: VendorHooks;
  /** @default Date.now */
  readonly now?: () => number;
}

/** A stateful simulator of one vendor operation, independent of the HTTP server around it. */
export interface Simulator {
  readonly contract: Contract;
  handle(request: HttpRequest): Promise<SimulatedResponse>;
  /** The store as JSON-able data (served at GET /__simulator/state). */
  state(): unknown;
}

/** Path of the read-only state view every simulator serves besides the vendor's endpoint. */
export const STATE_PATH = '/__simulator/state';

/**
 * A simulator driven by its contract: it reads the request with the contract's protocol
 * (namespace-aware, any prefix), checks credentials, documented structure and rules, then applies
 * the contract's behaviours to a seeded store and answers with the contract's documented responses.
 */
export function createSimulator(options: SimulatorOptions): Simulator {
  const { contract } = options;
  const store = createInvoiceStore(options.seed);
  const limit = rateLimit(contract, options.seed);
  const limiter = limit === undefined ? undefined : createRateLimiter(limit.perMinute);
  const ctx: HandleContext = { ...options, store, limiter, limitResponse: limit?.response, now: options.now ?? Date.now };
  return {
    contract,
    handle: async (request) => {
      const url = new URL(request.url);
      if (request.method.toUpperCase() === 'GET' && url.pathname === STATE_PATH) return stateView(store);
      const route = matchRoute(contract.transport, request.method, url.pathname);
      if (!route.ok) return { response: { status: route.status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${route.problem}\n` }, documented: null };
      return respond(contract, options.exemplars, await decide(ctx, request, url, route.pathParams), request);
    },
    state: () => store.snapshot(),
  };
}

interface HandleContext extends SimulatorOptions {
  readonly store: InvoiceStore;
  readonly limiter: RateLimiter | undefined;
  readonly limitResponse: string | undefined;
  readonly now: () => number;
}

async function decide(ctx: HandleContext, request: HttpRequest, url: URL, pathParams: Record<string, string>): Promise<Decision> {
  const { contract } = ctx;
  const transportProblem = checkTransport(contract, request);
  if (transportProblem !== undefined) return { generic: 'breach', message: transportProblem };
  const protocol = protocolFor(contract.protocol);
  const message = protocol.readMessage(request.body);
  if (message.kind === 'unreadable') return { generic: 'breach', message: message.problem.message };
  const decoded = protocol.decodeRequest(contract, message);
  const refused = credentialProblem(contract, { body: decoded.body, header: decoded.header, query: url.searchParams, pathParams }, ctx.credentials);
  if (refused !== undefined) return { generic: 'auth', message: `Authentication failed: ${refused}.` };
  const limited = ctx.limiter?.hit('caller', ctx.now());
  if (limited !== undefined) return { response: ctx.limitResponse ?? '', headers: { 'retry-after': String(limited) } };
  const violations = [...decoded.violations, ...validateRequestFields(contract, decoded)].filter((v) => v.severity === 'error');
  if (violations.length > 0) return { generic: 'breach', message: violations[0]?.message ?? 'The request does not conform to the contract.' };
  const scripted = (ctx.seed.scripted ?? []).find((name) => {
    const exemplar = ctx.exemplars.byCase.get(name);
    return exemplar !== undefined && compareRequests(contract, exemplar.request, request).length === 0;
  });
  if (scripted !== undefined) return { response: '', exemplarCase: scripted };
  const broken = await brokenRule(contract, decoded.body, decoded.header);
  if (broken !== undefined) return broken;
  return updateInvoices({ contract, store: ctx.store, exemplars: ctx.exemplars, ...(ctx.hooks === undefined ? {} : { hooks: ctx.hooks }) }, decoded.body, pathParams);
}

function checkTransport(contract: Contract, request: HttpRequest): string | undefined {
  const t = contract.transport;
  const media = (v: string | undefined): string => (v ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (media(request.headers['content-type']) !== media(t.contentType)) return `Received: Content-Type ${request.headers['content-type'] ?? '(none)'} / Documented: ${t.contentType}.`;
  if (t.soapAction !== undefined && request.headers['soapaction'] !== t.soapAction) return `Received: SOAPAction ${request.headers['soapaction'] ?? '(none)'} / Documented: SOAPAction ${t.soapAction} (quotes included).`;
  return undefined;
}

function rateLimit(contract: Contract, seed: VendorSeed): { perMinute: number; response: string | undefined } | undefined {
  const spec = (contract.behaviours ?? []).find((b) => b.kind === 'rate-limit');
  const perMinute = seed.rateLimitPerMinute ?? (typeof spec?.params?.['perMinute'] === 'number' ? spec.params['perMinute'] : undefined);
  if (perMinute === undefined) return undefined;
  const named = spec?.params?.['response'];
  const response = typeof named === 'string' ? named : contract.responses.find((r) => r.outcome === 'rate_limited')?.name;
  return { perMinute, response };
}

function stateView(store: InvoiceStore): SimulatedResponse {
  return { response: { status: 200, headers: { 'content-type': 'application/json' }, body: `${JSON.stringify(store.snapshot(), null, 2)}\n` }, documented: null };
}
