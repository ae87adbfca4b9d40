import type { Contract } from '../types/contract.ts';
import type { HttpResponse } from '../model/http.ts';
import type { Violation } from '../model/violation.ts';
import { classifyResponse, type ParsedResponse } from '../protocols/classify-response.ts';
import { evaluateRulesRemembered } from './remembered-rules.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import { RecentParses } from '../codec/xml/recent-parses.ts';
import { rulesAreStable } from './stable-rules.ts';

/** A captured response classified against its contract, with the contract's response rules evaluated on it. */
export interface ResponseSide {
  readonly response: ParsedResponse;
  readonly responseRules: readonly Violation[];
}

/**
 * Bounds of the memory of recent response sides, per contract: most responses, and most characters of
 * key (status, headers and body), remembered at once. A capture repeats a few answers thousands of times
 * (the same fault, the same "updated"), so a long capture classifies each distinct answer once.
 */
export const RECENT_RESPONSES = { maxEntries: 64, maxChars: 1024 * 1024 } as const;

const recent = new WeakMap<Contract, RecentParses<ResponseSide>>();

/**
 * {@link classifyResponse} and the contract's response rules for one captured response. Both depend only
 * on the contract and the response's status, headers and body, and their results are only read, so a
 * response equal in all three to a recent one gets that one's results back instead of being read again
 * (unless a response rule reads the clock or random numbers: see `rulesAreStable`).
 */
export async function responseSide(contract: Contract, response: HttpResponse): Promise<ResponseSide> {
  if (!rulesAreStable(contract, 'response')) return sideOf(contract, response);
  let memory = recent.get(contract);
  if (memory === undefined) recent.set(contract, (memory = new RecentParses<ResponseSide>(RECENT_RESPONSES.maxEntries, RECENT_RESPONSES.maxChars)));
  const key = responseKey(response);
  const known = memory.get(key);
  if (known !== undefined) return known;
  const side = await sideOf(contract, response);
  memory.set(key, side);
  return side;
}

async function sideOf(contract: Contract, response: HttpResponse): Promise<ResponseSide> {
  const parsed = classifyResponse(contract, response);
  // Distinct answers (another request id, another timestamp) mostly read the same to each rule: see evaluateRulesRemembered.
  const evaluate = rulesAreStable(contract, 'response') ? evaluateRulesRemembered : evaluateRules;
  return { response: parsed, responseRules: await evaluate(contract, 'response', { data: parsed.data }, parsed.matched) };
}

/** Everything of a response that classification reads: status, every header (name and value) and the body. */
function responseKey(response: HttpResponse): string {
  return `${response.status}\u0000${JSON.stringify(response.headers)}\u0000${response.body}`;
}
