import type { Contract, ProbeProofSpec, ProbeSpec } from '../types/contract.ts';
import type { SendResult } from '../types/target.ts';
import { classifyResponse, type ParsedResponse } from '../protocols/classify-response.ts';
import { mediaTypeProblem } from '../protocols/response-media-type.ts';
import type { ProbeEvidence, ProbeResult, ProbeVerdict } from './probe-result.ts';

/**
 * Judge a probe's answer with the contract's `probe` block. `valid` needs positive proof: a
 * documented response listed in `probe.valid` (with its code or message, where listed), conformant
 * and in the right content type. `rejected`: an auth_failed response or one `probe.rejected` lists.
 * `unexpected`: an answer this vendor does not give (undocumented, unreadable, breaking the
 * contract, in another content type), which is what a wrong base URL gets. `inconclusive`: any
 * other documented answer (a not-found that may be a wrong account, a generic error, a rate limit);
 * it names what would have proved acceptance. `unreachable`: no answer at all.
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
  const judged = judge(contract, probe, parsed, contentType);
  return { ...base, verdict: judged.verdict, evidence: { ...evidence, ...judged.extra } };
}

interface Judgement {
  readonly verdict: ProbeVerdict;
  readonly extra: Pick<ProbeEvidence, 'proof' | 'problem'>;
}

function judge(contract: Contract, probe: ProbeSpec, parsed: ParsedResponse, contentType: string | undefined): Judgement {
  const spec = contract.responses.find((r) => r.name === parsed.matched);
  if (spec === undefined) return { verdict: 'unexpected', extra: { problem: `the answer matches no documented response of ${contract.id} (a wrong base URL, or an undocumented answer): ${parsed.violations.map((v) => v.message).join(' ')}`.trim() } };
  const media = mediaTypeProblem(contract, spec, contentType);
  if (media !== undefined) return { verdict: 'unexpected', extra: { problem: media } };
  if (!parsed.conformant) return { verdict: 'unexpected', extra: { problem: `the answer looks like "${spec.name}" but breaks the contract: ${parsed.violations.filter((v) => v.severity === 'error').map((v) => v.message).join(' ')}` } };
  if (parsed.outcome === 'auth_failed' || (probe.rejected ?? []).includes(spec.name)) return { verdict: 'rejected', extra: {} };
  const proof = probe.valid.find((p) => proves(p, parsed));
  if (proof !== undefined) return { verdict: 'valid', extra: { proof: describeProof(proof) } };
  return { verdict: 'inconclusive', extra: { proof: probe.proof, problem: `Received: "${spec.name}" (${parsed.outcome}), which does not show whether the credentials were accepted / Documented proof: ${probe.valid.map(describeProof).join(' or ')}.` } };
}

function proves(proof: ProbeProofSpec, parsed: ParsedResponse): boolean {
  if (proof.response !== parsed.matched) return false;
  if (proof.code !== undefined && proof.code !== parsed.vendorCode) return false;
  return proof.message === undefined || proof.message === parsed.message;
}

function describeProof(proof: ProbeProofSpec): string {
  const code = proof.code === undefined ? '' : ` with code ${proof.code}`;
  const message = proof.message === undefined ? '' : ` with message ${JSON.stringify(proof.message)}`;
  return `"${proof.response}"${code}${message}`;
}
