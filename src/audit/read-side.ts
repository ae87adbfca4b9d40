import { entryResponse } from '../recording/entry-to-exchange.ts';
import type { HarEntry } from '../recording/har.ts';
import { classifyResponse, type ParsedResponse } from '../protocols/classify-response.ts';
import { protocolFor } from '../protocols/index.ts';
import type { MessageBody } from '../protocols/protocol.ts';
import { SuiteError } from '../errors.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import type { Contract } from '../types/contract.ts';
import { normalizeBody, type NormalizedBody } from './normalized-body.ts';
import type { SideView } from './side-view.ts';

/** One side read and normalized, not yet classified: enough to tell an unchanged pair. */
export interface ReadBody {
  readonly entry: HarEntry;
  readonly status: number;
  readonly contentType: string;
  readonly message: MessageBody;
  readonly body: NormalizedBody;
}

/**
 * Read one side's response body once, with the contract's protocol (without a contract, as JSON
 * when it looks like JSON, otherwise as XML), and normalize it for comparison.
 */
export function readBody(entry: HarEntry, contract: Contract | undefined): ReadBody {
  const response = entryResponse(entry);
  const protocol = protocolFor(contract?.protocol ?? (/^\s*[[{]/.test(response.body) ? 'json' : 'xml'));
  const message = protocol.readMessage(response.body);
  const contentType = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  return { entry, status: response.status, contentType, message, body: normalizeBody(message, response.body) };
}

/**
 * Complete a side: classify the response against its contract exactly as `conformance parse`
 * does (documented responses, structure, response rules), reusing the parsed message. Without a
 * contract the side is not classified.
 * @throws SuiteError `CONTRACT_INVALID` when a response rule cannot be evaluated (a suite error, not drift).
 */
export async function classifySide(read: ReadBody, file: string, contract: Contract | undefined): Promise<SideView> {
  return {
    file,
    status: read.status,
    parsed: contract === undefined ? undefined : await classify(contract, read.entry, read.message, file),
    body: read.body,
  };
}

/** Read, normalize and classify one side (see {@link readBody} and {@link classifySide}). */
export async function readSide(entry: HarEntry, file: string, contract: Contract | undefined): Promise<SideView> {
  return classifySide(readBody(entry, contract), file, contract);
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
