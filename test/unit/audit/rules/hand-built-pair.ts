import { bodyDifferences } from '../../../../src/audit/body-differences.ts';
import { normalizeBody } from '../../../../src/audit/normalized-body.ts';
import { createPairContext, type PairContext } from '../../../../src/audit/pair-context.ts';
import type { SideView } from '../../../../src/audit/side-view.ts';
import type { HttpResponse } from '../../../../src/model/http.ts';
import { classifyResponse } from '../../../../src/protocols/classify-response.ts';
import { protocolFor } from '../../../../src/protocols/index.ts';
import { evaluateRules } from '../../../../src/rules/evaluate-rules.ts';
import type { Contract } from '../../../../src/types/contract.ts';

/** One side of a hand-built pair: a response as recorded. */
export interface SideInput {
  readonly status?: number;
  readonly body: string;
  readonly contentType?: string;
}

/**
 * Read, normalize and classify one response as the audit engine does (`readBody` + `classifySide`):
 * the contract's protocol reads it, the real classifier and the contract's response rules judge it.
 */
async function side(contract: Contract | undefined, input: SideInput): Promise<SideView> {
  const response: HttpResponse = { status: input.status ?? 200, headers: { 'content-type': input.contentType ?? (input.body.trimStart().startsWith('{') ? 'application/json' : 'text/xml; charset=utf-8') }, body: input.body };
  const protocol = protocolFor(contract?.protocol ?? (/^\s*[[{]/.test(input.body) ? 'json' : 'xml'));
  const message = protocol.readMessage(input.body);
  const body = normalizeBody(message, input.body);
  if (contract === undefined) return { file: 'v/op/case.har', status: response.status, parsed: undefined, body };
  const parsed = classifyResponse(contract, response, message);
  const rules = await evaluateRules(contract, 'response', { data: parsed.data }, parsed.matched);
  return { file: 'v/op/case.har', status: response.status, parsed: rules.length === 0 ? parsed : { ...parsed, violations: [...parsed.violations, ...rules] }, body };
}

/**
 * The context a drift rule sees for two responses of one case, built in memory with the engine's
 * own reader, classifier and tree diff (as `comparePair` does), so each rule can be run directly.
 */
export async function pairOf(contract: Contract | undefined, baseline: SideInput | undefined, current: SideInput | undefined): Promise<PairContext> {
  const [b, c] = await Promise.all([baseline && side(contract, baseline), current && side(contract, current)]);
  const id = contract?.id ?? 'vendor/op';
  return createPairContext({ vendor: id.split('/')[0] ?? id, contract: id, case: 'case', file: `${id}/case.har`, spec: contract, baseline: b, current: c, differences: bodyDifferences(b, c) });
}
