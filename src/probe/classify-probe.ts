import type { Contract } from '../types/contract.ts';
import type { SendResult } from '../types/target.ts';
import { classifyResponse } from '../protocols/classify-response.ts';
import type { ProbeEvidence, ProbeResult, ProbeVerdict } from './probe-result.ts';

/**
 * Judge a probe's answer with the contract's `probe` block: `rejected` for an auth_failed response
 * or one the block lists as a refusal, `valid` for an outcome it lists as proof of acceptance,
 * `unreachable` when no answer came (timeout, refused or reset connection, TLS), and `unexpected`
 * for anything else (rate limited, server error, an undocumented or unreadable answer).
 */
export function classifyProbe(contract: Contract, sent: SendResult, latencyMs: number): ProbeResult {
  const base = { contract: contract.id, vendor: contract.vendor, latencyMs };
  if (!sent.ok) {
    const verdict: ProbeVerdict = sent.kind === 'timeout' || sent.kind === 'network' || sent.kind === 'unmatched' ? 'unreachable' : 'unexpected';
    return { ...base, verdict, evidence: { problem: sent.problem } };
  }
  const { response } = sent.exchange;
  const parsed = classifyResponse(contract, response);
  const contentType = response.headers['content-type'];
  const evidence: ProbeEvidence = {
    status: response.status,
    ...(contentType === undefined ? {} : { contentType }),
    outcome: parsed.outcome,
    response: parsed.matched,
    vendorCode: parsed.vendorCode,
    message: parsed.message,
  };
  const probe = contract.probe;
  if (probe === undefined) return { ...base, verdict: 'unexpected', evidence: { ...evidence, problem: 'the contract declares no probe' } };
  if (parsed.outcome === 'auth_failed' || (parsed.matched !== null && (probe.rejected ?? []).includes(parsed.matched))) return { ...base, verdict: 'rejected', evidence };
  if (probe.valid.includes(parsed.outcome)) return { ...base, verdict: 'valid', evidence };
  return { ...base, verdict: 'unexpected', evidence: { ...evidence, problem: unexpectedWhy(parsed.outcome, probe.valid, parsed.violations.map((v) => v.message)) } };
}

function unexpectedWhy(outcome: string, valid: readonly string[], violations: readonly string[]): string {
  if (outcome === 'unknown') return `the answer matches no documented response: ${violations.join(' ')}`;
  return `Received: ${outcome} / Documented: ${valid.join(' or ')} for accepted credentials, auth_failed for refused ones`;
}
