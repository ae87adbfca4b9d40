import type { Exchange } from '../../src/model/http.ts';
import type { Contract } from '../../src/types/contract.ts';
import { readCapture } from '../../src/check/read-capture.ts';
import { loadValidContract } from './prepare-contract.ts';
import { repoPath } from './paths.ts';

/** The EBizCharge UpdateInvoice contract and the first exchange of `test/fixtures/har/charles.har` (an EBizCharge update). */
export async function ebizAndCharlesExchange(): Promise<{ readonly contract: Contract; readonly exchange: Exchange }> {
  const contract = (await loadValidContract(repoPath('contracts/ebizcharge/UpdateInvoice.yaml'))).contract;
  const capture = await readCapture(repoPath('test/fixtures/har/charles.har'));
  if (!capture.ok) throw new Error(capture.problem);
  const entry = capture.value.entries[0];
  if (entry === undefined) throw new Error('charles.har has no entry');
  return { contract, exchange: entry.exchange };
}
