import type { Contract } from '../types/contract.ts';
import type { CheckResult } from '../model/check-result.ts';
import type { HttpRequest, HttpResponse } from '../model/http.ts';
import type { Violation } from '../model/violation.ts';
import { protocolFor } from '../protocols/index.ts';
import { classifyResponse, type ParsedResponse } from '../protocols/classify-response.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import type { CaseCheck, CaseContext } from '../../suites/check.ts';
import { runCheck } from './run-check.ts';

/** One received request checked against its contract. */
export interface CheckedRequest {
  readonly contract: string;
  /** The label the results carry as their case name (e.g. `request-3 POST /eBizService.svc`). */
  readonly label: string;
  readonly results: readonly CheckResult[];
  /** Every violation of every check, errors and warnings. */
  readonly violations: readonly Violation[];
  /** True when no check failed (warnings allowed). */
  readonly conformant: boolean;
  /** The answer as the contract classifies it. */
  readonly response: ParsedResponse;
}

/**
 * Run the given request checks (the suites' own check objects) on a request someone else's code sent,
 * with the response it got. The request is checked as the suites check a recorded request: it stands
 * in for the recording, with no canonical input and no rule the case expects to break.
 */
export async function checkRequest(contract: Contract, request: HttpRequest, response: HttpResponse, checks: readonly CaseCheck[], label: string, reproduce: string): Promise<CheckedRequest> {
  const protocol = protocolFor(contract.protocol);
  const message = protocol.readMessage(request.body);
  const decoded = protocol.decodeRequest(contract, message);
  const parsed = classifyResponse(contract, response);
  const [requestRules, responseRules] = await Promise.all([
    evaluateRules(contract, 'request', { data: decoded.body, header: decoded.header }),
    evaluateRules(contract, 'response', { data: parsed.data }, parsed.matched),
  ]);
  const ctx: CaseContext = {
    contract,
    case: { name: label, input: {}, expect: { outcome: parsed.outcome } },
    recording: { ok: false, file: label, problem: 'a received request, not a recording' },
    recorded: { request, message, decoded, response: parsed, requestRules, responseRules },
    built: { request, violations: [] },
    builtRules: [],
    sent: { ok: true, exchange: { request, response, durationMs: 0 } },
  };
  const results = checks.filter((c) => c.appliesTo(contract)).map((c) => runCheck(c, ctx, reproduce));
  const violations = results.flatMap((r) => (r.state === 'skipped' ? [] : r.violations));
  return { contract: contract.id, label, results, violations, conformant: results.every((r) => r.state !== 'failed'), response: parsed };
}
