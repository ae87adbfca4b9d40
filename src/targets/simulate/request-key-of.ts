import type { Contract } from '../../types/contract.ts';
import type { HttpRequest } from '../../model/http.ts';
import { requestKey } from '../../recording/compare-requests.ts';

// By request object: a received request is looked up several times (the scripted cases, then the recorded
// case to answer from), and each exemplar's recorded request on every request that reaches the comparison.
const keys = new WeakMap<HttpRequest, { readonly contract: Contract; readonly key: string }>();

/** `requestKey(contract, request)`, worked out once per request object and contract (requests are never changed). */
export function requestKeyOf(contract: Contract, request: HttpRequest): string {
  const known = keys.get(request);
  if (known !== undefined && known.contract === contract) return known.key;
  const key = requestKey(contract, request);
  keys.set(request, { contract, key });
  return key;
}
