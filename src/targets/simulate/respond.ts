import type { Contract, ResponseSpec } from '../../types/contract.ts';
import type { Outcome } from '../../model/outcome.ts';
import { assertNever } from '../../model/result.ts';
import type { Exemplar, Exemplars } from './exemplars.ts';
import type { HttpRequest } from '../../model/http.ts';
import { requestKeyOf } from './request-key-of.ts';
import { classifyResponse } from '../../protocols/classify-response.ts';
import { fillBody } from './fill-body.ts';
import type { Answer, Decision, GenericAnswer, SimulatedResponse } from './sim-types.ts';

// Hop-by-hop and length headers belong to the recorded connection, not to this answer.
const DROPPED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding', 'date']);

/**
 * Turn a decision into an HTTP response made from the contract's own recorded bodies: the first
 * recorded case (in contract order) whose response matches the documented response, with the
 * message and the dynamic values (lock token, ids) written in.
 */
export function respond(contract: Contract, exemplars: Exemplars, decision: Decision, request?: HttpRequest): SimulatedResponse {
  const answer = 'generic' in decision ? resolveGeneric(contract, exemplars, decision) : decision;
  const scripted = answer.exemplarCase === undefined ? undefined : exemplars.byCase.get(answer.exemplarCase);
  if (scripted !== undefined) return { response: { ...scripted.response, headers: clean(scripted.response.headers, {}) }, documented: null };
  const own = pickExemplar(contract, exemplars, answer.response, request);
  if (own === undefined) return noExemplar(answer.response);
  const { exemplar, response: documented, exact } = own;
  const spec = contract.responses.find((r) => r.name === documented);
  const headers = clean(exemplar.response.headers, answer.headers ?? {});
  // The vendor's recorded answer to this very request keeps its own words (CRM.COM documents no
  // error text: the recorded case's message is the best evidence of it); other values are filled.
  const words = exact ? withoutMessage(answer) : answer;
  const filled = { status: exemplar.response.status, headers, body: fill(exemplar.response.body, words, spec?.message) };
  // A filled value must not turn the body into another documented response (e.g. a message that
  // mentions a token, where the message tells token errors apart): then answer as recorded.
  const still = classifyResponse(contract, filled).matched === documented;
  return { response: still ? filled : { ...filled, body: exemplar.response.body }, documented };
}

/**
 * The recorded case to answer from: the one whose recorded request is this request (credentials
 * aside), since the vendor answered exactly that (InvoiceXpress's three real 404 bodies, CRM.COM's
 * two doc examples), among the cases of the decided response, or, for a success, of any documented
 * success (Centra documents two success shapes; credentials were accepted, so ignoring them in the
 * comparison cannot pick a refusal). Otherwise the first recorded case of the decided response.
 */
function pickExemplar(contract: Contract, exemplars: Exemplars, decided: string, request: HttpRequest | undefined): { exemplar: Exemplar; response: string; exact: boolean } | undefined {
  const first = exemplars.byResponse.get(decided)?.[0];
  const fallback = first === undefined ? undefined : { exemplar: first, response: decided, exact: false };
  if (request === undefined) return fallback;
  const ok = contract.responses.find((r) => r.name === decided)?.outcome === 'ok';
  const alike = [decided, ...(ok ? contract.responses.filter((r) => r.outcome === 'ok' && r.name !== decided).map((r) => r.name) : [])];
  for (const name of alike) {
    const match = sameRequest(contract, exemplars.byResponse.get(name) ?? [], request);
    if (match !== undefined) return { exemplar: match, response: name, exact: true };
  }
  return fallback;
}

function withoutMessage(answer: Answer): Answer {
  const { message: _message, ...rest } = answer;
  return rest;
}

function fill(recorded: string, answer: Answer, messagePath: string | undefined): string {
  if (recorded.trim() === '') return recorded;
  const kind = /^\s*[[{]/.test(recorded) ? 'json' : 'xml';
  let body = recorded;
  if (answer.message !== undefined && messagePath !== undefined) body = fillBody(body, kind, messagePath, answer.message, true);
  for (const [path, value] of Object.entries(answer.fills ?? {})) body = fillBody(body, kind, path, value);
  return body;
}

function resolveGeneric(contract: Contract, exemplars: Exemplars, g: GenericAnswer): Answer {
  const has = (r: ResponseSpec): boolean => (exemplars.byResponse.get(r.name)?.length ?? 0) > 0;
  const withOutcome = (outcome: Outcome): ResponseSpec[] => contract.responses.filter((r) => r.outcome === outcome && has(r));
  const fault = withOutcome('invalid_request').find((r) => r.match.fault === true);
  const specific = referencedResponses(contract);
  const invalid = [...withOutcome('invalid_request').filter((r) => !specific.has(r.name) && r.match.fault !== true), ...withOutcome('invalid_request').filter((r) => !specific.has(r.name)), ...withOutcome('invalid_request')][0];
  // An empty message keeps the vendor's recorded text (its documented words for a refusal).
  const pick = (r: ResponseSpec | undefined): Answer => ({ response: r?.name ?? '', ...(g.message === '' ? {} : { message: g.message }) });
  switch (g.generic) {
    case 'breach':
      return pick(contract.protocol === 'soap11' ? (fault ?? invalid) : invalid);
    case 'invalid':
      return pick(invalid);
    // A documented not-found or auth failure keeps the vendor's own recorded text; only the
    // stand-in (a Client fault, a generic error) says what happened.
    case 'not-found': {
      const documented = withOutcome('not_found')[0];
      return documented === undefined ? pick(invalid) : { response: documented.name };
    }
    case 'auth': {
      const documented = withOutcome('auth_failed')[0];
      return documented === undefined ? pick(contract.protocol === 'soap11' ? (fault ?? invalid) : invalid) : { response: documented.name };
    }
    default:
      return assertNever(g.generic);
  }
}

/** Responses a rule or behaviour names as its own answer: too specific for a generic refusal. */
function referencedResponses(contract: Contract): Set<string> {
  const names = [...(contract.rules ?? []).map((r) => r.response), ...(contract.behaviours ?? []).map((b) => b.params?.['response'])];
  return new Set(names.filter((n): n is string => typeof n === 'string'));
}

function clean(headers: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!DROPPED.has(name)) out[name] = value;
  return { ...out, ...extra };
}

function noExemplar(name: string): SimulatedResponse {
  const body = `The simulator has no recording of the documented response "${name}" to answer with; record a case that exercises it.\n`;
  return { response: { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body }, documented: null };
}


/** Exemplars of one documented response by request key, keyed in case order as lookups need them. */
const keyed = new WeakMap<readonly Exemplar[], { readonly byKey: Map<string, Exemplar>; done: number }>();

/**
 * The first exemplar whose recorded request is this request (no difference `compareRequests` sees, which
 * is what equal request keys mean), found through a key index instead of comparing with each exemplar
 * in turn, which made a run of n cases against the simulators take n² comparisons.
 */
function sameRequest(contract: Contract, list: readonly Exemplar[], request: HttpRequest): Exemplar | undefined {
  let at = keyed.get(list);
  if (at === undefined) {
    at = { byKey: new Map(), done: 0 };
    keyed.set(list, at);
  }
  const key = requestKeyOf(contract, request);
  let found = at.byKey.get(key);
  while (found === undefined && at.done < list.length) {
    const e = list[at.done++] as Exemplar;
    const k = requestKeyOf(contract, e.request);
    if (!at.byKey.has(k)) at.byKey.set(k, e);
    if (k === key) found = at.byKey.get(k);
  }
  return found;
}
