import { entryResponse } from '../recording/entry-to-exchange.ts';
import type { HarEntry } from '../recording/har.ts';
import { classifyResponse, type ParsedResponse } from '../protocols/classify-response.ts';
import { protocolFor } from '../protocols/index.ts';
import type { MessageBody } from '../protocols/protocol.ts';
import { SuiteError } from '../errors.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import type { Contract } from '../types/contract.ts';
import { normalizeBody } from './normalized-body.ts';
import { requestSecrets } from './request-secrets.ts';
import type { SideView } from './side-view.ts';

/**
 * Read one side of a pair: classify the response against its contract exactly as `conformance
 * parse` does (documented responses, structure, response rules) and normalize its body. Without a
 * contract the body is read as JSON when it looks like JSON, otherwise as XML, and not classified.
 * @throws SuiteError `CONTRACT_INVALID` when a response rule cannot be evaluated (a suite error, not drift).
 */
export async function readSide(entry: HarEntry, file: string, contract: Contract | undefined): Promise<SideView> {
  const response = entryResponse(entry);
  const protocol = protocolFor(contract?.protocol ?? (/^\s*[[{]/.test(response.body) ? 'json' : 'xml'));
  const message = protocol.readMessage(response.body);
  return {
    file,
    status: response.status,
    parsed: contract === undefined ? undefined : await classify(contract, entry, message, file),
    body: normalizeBody(message, response.body),
    secrets: contract === undefined ? [] : requestSecrets(contract, entry),
  };
}

async function classify(contract: Contract, entry: HarEntry, message: MessageBody, file: string): Promise<ParsedResponse> {
  const parsed = classifyResponse(contract, entryResponse(entry), message);
  const rules = await evaluateRules(contract, 'response', { data: parsed.data }, parsed.matched);
  const failed = rules.find((v) => v.rule === 'rule-error');
  // A rule that cannot be evaluated says nothing about the vendor: it is the contract's fault.
  // Quoted values come from the response and are left out: they may be long, or carry a secret.
  if (failed !== undefined) throw new SuiteError('CONTRACT_INVALID', `Cannot audit ${file}: response rule ${String(failed.params?.['rule'] ?? failed.path)} of ${contract.id} could not be evaluated (${failed.message.replace(/^.*could not be evaluated: /, '').replace(/"(?:[^"\\]|\\.)*"/g, '"…"')}). Fix the rule in the contract; no drift was judged.`);
  return rules.length === 0 ? parsed : { ...parsed, violations: [...parsed.violations, ...rules] };
}
