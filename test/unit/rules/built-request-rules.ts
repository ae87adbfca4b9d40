import type { Contract } from '../../../src/types/contract.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { decodeBuiltRequest } from '../../../src/protocols/check-built-request.ts';
import { evaluateRules } from '../../../src/rules/evaluate-rules.ts';
import { exampleCredentials } from '../../helpers/prepare-contract.ts';

/** The input of one of the contract's cases. */
export function caseInput(contract: Contract, name: string): Readonly<Record<string, unknown>> {
  const found = contract.cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`${contract.id} has no case ${name}`);
  return found.input;
}

/** Build the request for a canonical input, decode it again and evaluate the request rules, as `conformance build` does. */
export async function builtRequestRules(contract: Contract, input: unknown): Promise<Violation[]> {
  const built = buildRequest(contract, input, { baseUrl: contract.transport.replayBaseUrl, credentials: exampleCredentials(contract) });
  const decoded = decodeBuiltRequest(contract, built.request);
  return evaluateRules(contract, 'request', decoded.header === undefined ? { data: decoded.body } : { data: decoded.body, header: decoded.header });
}

/** Only the violations of one rule id. */
export function ofRule(violations: readonly Violation[], id: string): Violation[] {
  return violations.filter((v) => v.params?.['rule'] === id);
}
