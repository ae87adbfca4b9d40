import type { VariantPicker } from '../runner/received/checking-simulator.ts';
import { classifyResponse } from '../protocols/classify-response.ts';
import { responseVariants } from './response-variants.ts';

/**
 * A picker that answers each response of a contract in the next of its generated serializations, in
 * turn (per contract, starting with the first generated variant, so the first answer already differs
 * from the recorded form). Deterministic: the n-th answer of a contract always gets the same variant.
 */
export function variantPicker(): VariantPicker {
  const turns = new Map<string, number>();
  return (simulator, response) => {
    const contract = simulator.contract;
    const matched = classifyResponse(contract, response).matched;
    const spec = contract.responses.find((r) => r.name === matched);
    const variants = responseVariants(contract, response, spec).slice(1);
    if (variants.length === 0) return response;
    const turn = turns.get(contract.id) ?? 0;
    turns.set(contract.id, turn + 1);
    const chosen = variants[turn % variants.length];
    return chosen === undefined ? response : { ...response, body: chosen.body, headers: { ...response.headers, 'x-conformance-variant': chosen.name } };
  };
}
