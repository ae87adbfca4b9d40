import type { Contract } from '../types/contract.ts';
import type { Violation } from '../model/violation.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import type { DecodedRequest, MessageBody } from '../protocols/protocol.ts';
import { protocolFor } from '../protocols/index.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import { evaluateRulesRemembered } from './remembered-rules.ts';
import { rulesAreStable } from './stable-rules.ts';

/** A captured request body read and decoded as the contract's message, with the contract's request rules evaluated on it. */
export interface RequestSide {
  readonly message: MessageBody;
  readonly decoded: DecodedRequest;
  readonly requestRules: readonly Violation[];
}

/** The last body read, for which contract, and what it gave. */
let last: { readonly contract: Contract; readonly body: string; readonly side: Promise<RequestSide> } | undefined;

/**
 * Read, decode and evaluate the request rules on one captured request body (`document`: its parsed XML,
 * when the caller has it). All three depend only on the contract and the body, and their results are only
 * read, so a body equal to the one before it (a capture's repeats follow their twin: the same update sent
 * to another invoice's URL) gets that one's results back, unless a request rule reads the clock or random
 * numbers (see `rulesAreStable`); so does each rule on a body it reads the same in (another invoice's
 * identifier it does not read: see `evaluateRulesRemembered`).
 */
export function requestSide(contract: Contract, body: string, document?: XmlElement): Promise<RequestSide> {
  if (last !== undefined && last.contract === contract && last.body === body && rulesAreStable(contract, 'request')) return last.side;
  const protocol = protocolFor(contract.protocol);
  const message = protocol.readMessage(body, document);
  const decoded = protocol.decodeRequest(contract, message);
  const input = { data: decoded.body, header: decoded.header };
  // A rule's verdict is given again to a body on which it would read the same (see evaluateRulesRemembered).
  const rules = rulesAreStable(contract, 'request') ? evaluateRulesRemembered(contract, 'request', input) : evaluateRules(contract, 'request', input);
  const side = rules.then((requestRules) => ({ message, decoded, requestRules }));
  last = { contract, body, side };
  return side;
}
