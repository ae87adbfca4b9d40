import type { Contract } from '../types/contract.ts';
import type { Target } from '../types/target.ts';
import { buildRequest } from '../protocols/build-request.ts';
import { redactValue } from '../recording/redact-reporter.ts';
import { classifyProbe } from './classify-probe.ts';
import type { ProbeResult } from './probe-result.ts';

/** What probing needs. */
export interface ProbeOptions {
  readonly contracts: readonly Contract[];
  readonly target: Target;
  readonly credentials: (contract: Contract) => Readonly<Record<string, string>>;
  /** Every secret value in play; masked out of every result. */
  readonly secrets: readonly string[];
}

/**
 * Send each contract's probe case with its credentials, all vendors at once (the total time is
 * about the slowest vendor's), and judge each answer. Results come in contract order.
 */
export async function runProbes(options: ProbeOptions): Promise<ProbeResult[]> {
  return Promise.all(options.contracts.map((contract) => probeOne(contract, options)));
}

async function probeOne(contract: Contract, options: ProbeOptions): Promise<ProbeResult> {
  const c = contract.cases.find((x) => x.name === contract.probe?.case);
  if (c === undefined) return { contract: contract.id, vendor: contract.vendor, verdict: 'unexpected', latencyMs: 0, evidence: { problem: 'the contract declares no probe (add a probe: block naming a case)' } };
  const built = buildRequest(contract, c.input, { baseUrl: options.target.baseUrl(contract.id), credentials: options.credentials(contract) });
  const started = performance.now();
  const sent = await options.target.send(built.request);
  // A vendor's answer could echo a credential; nothing leaves here with one in it.
  return redactValue(classifyProbe(contract, sent, Math.round(performance.now() - started)), options.secrets);
}
