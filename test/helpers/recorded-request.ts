import { readHar } from '../../src/recording/read-har.ts';
import { entryRequest } from '../../src/recording/entry-to-exchange.ts';
import type { HttpRequest } from '../../src/model/http.ts';
import type { Contract } from '../../src/types/contract.ts';
import { loadValidContract } from './prepare-contract.ts';
import { repoPath } from './paths.ts';

/** A shipped contract and the request of the first entry of one of its shipped recordings. */
export interface RecordedRequest {
  readonly contract: Contract;
  readonly request: HttpRequest;
}

/** Load `contracts/<contractFile>` and the first request of `recordings/<har>`. */
export async function recordedRequest(contractFile: string, har: string): Promise<RecordedRequest> {
  const { contract } = await loadValidContract(repoPath('contracts', contractFile));
  const read = await readHar(repoPath('recordings', har));
  if (!read.ok || read.value.log.entries[0] === undefined) throw new Error(`cannot read ${har}`);
  return { contract, request: entryRequest(read.value.log.entries[0]) };
}
