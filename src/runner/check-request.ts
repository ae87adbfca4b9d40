import type { Contract } from '../types/contract.ts';
import type { CheckResult } from '../model/check-result.ts';
import type { HttpRequest, HttpResponse } from '../model/http.ts';
import type { Violation } from '../model/violation.ts';
import { classifyResponse, type ParsedResponse } from '../protocols/classify-response.ts';
import { checkCapturedExchange } from '../check/check-exchange.ts';
import type { CaseCheck } from '../../suites/check.ts';

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
  // The engine `conformance check` runs on each captured entry: one cause once, and a check that
  // needs a case input is reported not applicable.
  const checked = await checkCapturedExchange(contract, { request, response, durationMs: 0 }, { checks, label, file: label, reproduce });
  return { contract: contract.id, label, results: checked.results, violations: checked.violations, conformant: checked.conformant, response: classifyResponse(contract, response) };
}
