import type { Contract, FieldSpec } from '../../types/contract.ts';
import type { HttpRequest } from '../../model/http.ts';
import { protocolFor } from '../../protocols/index.ts';
import { validateRequestFields } from '../../protocols/check-built-request.ts';
import { requestKeyOf } from './request-key-of.ts';
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
import { soapProtocolAnswer } from './soap-protocol-answer.ts';
import { requestSequenceViolations } from '../../protocols/soap/sequence-violations.ts';
import { contentTypeViolations, soapActionViolations } from '../../protocols/transport-departures.ts';
import { isAcceptedDeparture, strictViolations } from '../../model/strictness.ts';
import type { Violation } from '../../model/violation.ts';

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
  /**
   * Refuse what the vendor's stack accepts but the doc does not allow (an unquoted SOAPAction,
   * text/xml for InvoiceXpress, whitespace around a boolean): `simulate --strict`. @default false
   */
  readonly strict?: boolean;
}

/** A stateful simulator of one vendor operation, independent of the HTTP server around it. */
export interface Simulator {
  readonly contract: Contract;
  handle(request: HttpRequest): Promise<SimulatedResponse>;
  /** The store as JSON-able data (served at GET /__simulator/state). */
  state(): unknown;
  /** Back to the seed: the store and the rate limiter start over. */
  reset(): void;
  /**
   * Replace the store (and the rate-limit count) with a fresh one from `seed` (POST /__simulator/state);
   * `scripted` and `rateLimitPerMinute` keep their start-up values unless `seed` gives them.
   */
  reseed(seed: VendorSeed): void;
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
  let ctx = createContext(options, options.seed);
  return {
    contract,
    handle: async (request) => {
      const url = new URL(request.url);
      if (request.method.toUpperCase() === 'GET' && url.pathname === STATE_PATH) return stateView(ctx.store);
      const route = matchRoute(contract.transport, request.method, url.pathname);
      if (!route.ok) return { response: { status: route.status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${route.problem}\n` }, documented: null };
      const protocolAnswer = soapProtocolAnswer(contract, request);
      if (protocolAnswer !== undefined) return { response: protocolAnswer.response, documented: null, note: protocolAnswer.note };
      const notes: string[] = [];
      const answered = respond(contract, options.exemplars, await decide(ctx, request, url, route.pathParams, notes), request);
      return notes.length === 0 ? answered : { ...answered, note: notes.join(' | ') };
    },
    state: () => ctx.store.snapshot(),
    reset: () => {
      ctx = createContext(options, options.seed);
    },
    reseed: (seed) => {
      const { scripted, rateLimitPerMinute } = options.seed;
      ctx = createContext(options, { ...(scripted === undefined ? {} : { scripted }), ...(rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute }), ...seed });
    },
  };
}

function createContext(options: SimulatorOptions, seed: VendorSeed): HandleContext {
  const limit = rateLimit(options.contract, seed);
  const limiter = limit === undefined ? undefined : createRateLimiter(limit.perMinute);
  return { ...options, seed, store: createInvoiceStore(seed), limiter, limitResponse: limit?.response, now: options.now ?? Date.now, scriptedByKey: new Map() };
}

interface HandleContext extends SimulatorOptions {
  readonly store: InvoiceStore;
  readonly limiter: RateLimiter | undefined;
  readonly limitResponse: string | undefined;
  readonly now: () => number;
  /** Scripted case by its recorded request's key (first in the seed's order), filled on first use. */
  readonly scriptedByKey: Map<string, string>;
}

/**
 * What the vendor would answer, in the order a request is checked: transport (Content-Type,
 * SOAPAction), body, credentials, rate limit, structure (fields, xs:sequence), scripted exchanges,
 * rules, then the invoice and its behaviours. Departures the vendor's stack accepts are noted, not
 * refused (unless strict). A refusal answers with the vendor's own documented text; the suite's
 * reason goes to `notes` (the simulator log), never into the body.
 */
async function decide(ctx: HandleContext, request: HttpRequest, url: URL, pathParams: Record<string, string>, notes: string[]): Promise<Decision> {
  const { contract } = ctx;
  const judge = (violations: readonly Violation[]): Violation | undefined => {
    const judged = ctx.strict === true ? strictViolations(violations) : violations;
    // Rule, place and the contract's reason only: never a received value (it could be a credential).
    for (const v of judged) if (isAcceptedDeparture(v)) notes.push(`warning ${v.rule} at ${v.path} (accepted: ${String(v.params?.['accepted'])})`);
    const refused = judged.find((v) => v.severity === 'error');
    if (refused !== undefined) notes.push(`refused: ${refused.rule} at ${refused.path}${ctx.strict === true && isAcceptedDeparture({ ...refused, severity: 'warning' }) ? ' (--strict)' : ''}`);
    return refused;
  };
  const transport = judge([...contentTypeViolations(contract, request.headers['content-type']), ...soapActionViolations(contract, request.headers['soapaction'])]);
  if (transport !== undefined) return breach(transport);
  const protocol = protocolFor(contract.protocol);
  const message = protocol.readMessage(request.body);
  if (message.kind === 'unreadable') {
    notes.push(`refused: ${message.problem.rule} (unreadable body)`);
    return breach(message.problem);
  }
  const decoded = protocol.decodeRequest(contract, message);
  const refused = credentialProblem(contract, { body: decoded.body, header: decoded.header, query: url.searchParams, pathParams }, ctx.credentials);
  if (refused !== undefined) return { generic: 'auth', message: `Authentication failed: ${refused}.` };
  const limited = ctx.limiter?.hit('caller', ctx.now());
  if (limited !== undefined) return { response: ctx.limitResponse ?? '', headers: { 'retry-after': String(limited) } };
  const structure = judge([...decoded.violations, ...validateRequestFields(contract, decoded), ...requestSequenceViolations(contract, message)]);
  if (structure !== undefined) return breach(structure);
  const scripted = scriptedCaseOf(ctx, request);
  if (scripted !== undefined) return { response: '', exemplarCase: scripted };
  const broken = await brokenRule(contract, decoded.body, decoded.header, ctx.strict === true, notes);
  if (broken !== undefined && 'reason' in broken && broken.reason !== undefined) notes.push(`refused: ${broken.reason}`);
  if (broken !== undefined) return broken;
  // A read or a login (InvoiceXpress's list GET, CRM.COM's authentication/token) addresses no invoice and changes
  // nothing: it gets the documented success.
  if (contract.transport.method === 'GET' || !addressesInvoices(contract)) return readAnswer(ctx);
  const updated = updateInvoices({ contract, store: ctx.store, exemplars: ctx.exemplars, ...(ctx.hooks === undefined ? {} : { hooks: ctx.hooks }) }, decoded.body, pathParams);
  if ('reason' in updated && updated.reason !== undefined) notes.push(`refused: ${updated.reason}`);
  return updated;
}

/**
 * A request the vendor refuses while reading it: its invalid-request answer (SOAP: the Client fault).
 * None of the vendors documents the text for these, so the message says plainly where the request
 * was refused, without the suite's check id or Received/Documented wording (the log has the rule).
 * A request the vendor was recorded answering gets the recorded words instead (see respond).
 */
function breach(v: Violation): Decision {
  return { generic: 'breach', message: `Invalid request at ${v.path}.` };
}

/** The first scripted case (in the seed's order) whose recorded request is this request, through a key index built once per store. */
function scriptedCaseOf(ctx: HandleContext, request: HttpRequest): string | undefined {
  const names = ctx.seed.scripted ?? [];
  if (names.length === 0) return undefined;
  if (ctx.scriptedByKey.size === 0) {
    for (const name of names) {
      const exemplar = ctx.exemplars.byCase.get(name);
      if (exemplar === undefined) continue;
      const key = requestKeyOf(ctx.contract, exemplar.request);
      if (!ctx.scriptedByKey.has(key)) ctx.scriptedByKey.set(key, name);
    }
  }
  return ctx.scriptedByKey.get(requestKeyOf(ctx.contract, request));
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

function readAnswer(ctx: HandleContext): Decision {
  const ok = ctx.contract.responses.find((r) => r.outcome === 'ok' && (ctx.exemplars.byResponse.get(r.name)?.length ?? 0) > 0);
  return { response: ok?.name ?? '' };
}

/** True when some field or parameter of the request is mapped from a canonical invoice identifier. */
function addressesInvoices(contract: Contract): boolean {
  const fromInvoice = (from: string | undefined): boolean => from?.startsWith('invoice.') === true;
  const walk = (fields: readonly FieldSpec[]): boolean => fields.some((f) => fromInvoice(f.from) || walk(f.fields ?? []));
  const params = [...(contract.transport.pathParams ?? []), ...(contract.transport.query ?? [])];
  return walk(contract.request.fields) || walk(contract.request.header ?? []) || params.some((p) => fromInvoice(p.from));
}
