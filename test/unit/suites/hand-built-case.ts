import type { HttpRequest, HttpResponse } from '../../../src/model/http.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { protocolFor } from '../../../src/protocols/index.ts';
import { evaluateRules } from '../../../src/rules/evaluate-rules.ts';
import type { CaseSpec, Contract } from '../../../src/types/contract.ts';
import type { CaseContext } from '../../../suites/check.ts';
import { exampleCredentials } from '../../helpers/prepare-contract.ts';

/** What a test changes about one case before its checks run. */
export interface HandBuilt {
  /** The case (default: the contract's first). */
  readonly case?: CaseSpec;
  /** Change the request the case's input builds (the "recorded" request), e.g. another method or header. */
  readonly request?: (built: HttpRequest) => HttpRequest;
  /** The recorded response (default: an empty HTTP 200, which matches no documented response). */
  readonly response?: HttpResponse;
  readonly vendorVersion?: string;
}

/**
 * A case context as `prepareCase` makes it, built in memory: the recorded request is the one the
 * case's input builds (through the real builder, then changed by the test), read and decoded by the
 * contract's protocol; the response is classified and the contract's rules evaluated, all for real.
 * No recording, no target: checks only read `recorded`.
 */
export async function handBuiltCase(contract: Contract, change: HandBuilt = {}): Promise<CaseContext> {
  const spec = change.case ?? contract.cases[0];
  if (spec === undefined) throw new Error(`${contract.id} has no case`);
  const built = buildRequest(contract, spec.input, { baseUrl: contract.transport.replayBaseUrl, credentials: exampleCredentials(contract) });
  const request = change.request === undefined ? built.request : change.request(built.request);
  const protocol = protocolFor(contract.protocol);
  const message = protocol.readMessage(request.body);
  const decoded = protocol.decodeRequest(contract, message);
  const response = classifyResponse(contract, change.response ?? { status: 200, headers: {}, body: '' });
  const requestRules: Violation[] = await evaluateRules(contract, 'request', { data: decoded.body, header: decoded.header });
  const responseRules: Violation[] = await evaluateRules(contract, 'response', { data: response.data }, response.matched);
  return {
    contract,
    case: spec,
    recording: { ok: false, file: 'hand-built.har', problem: 'built in memory by the test' },
    built,
    builtRules: [],
    sent: { ok: false, kind: 'unmatched', problem: 'not sent: built in memory by the test' },
    ...(change.vendorVersion === undefined ? {} : { vendorVersion: change.vendorVersion }),
    recorded: { request, message, decoded, response, requestRules, responseRules },
  };
}

/** The same case with no readable recording (what `prepareCase` gives when the HAR is missing). */
export function withoutRecording(ctx: CaseContext): CaseContext {
  const { recorded: _drop, ...rest } = ctx;
  return rest;
}
