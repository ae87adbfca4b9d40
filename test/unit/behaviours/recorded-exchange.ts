import type { Contract } from '../../../src/types/contract.ts';
import type { VendorValue } from '../../../src/mapping/vendor-value.ts';
import { protocolFor } from '../../../src/protocols/index.ts';
import { classifyResponse, type ParsedResponse } from '../../../src/protocols/classify-response.ts';
import { readHar } from '../../../src/recording/read-har.ts';
import { recordingPath } from '../../../src/recording/recording-path.ts';
import { entryRequest, entryResponse } from '../../../src/recording/entry-to-exchange.ts';
import { repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

/** One recorded case, decoded the way `prepareCase` decodes it (request body, SOAP header, classified response). */
export interface RecordedExchange {
  readonly contract: Contract;
  readonly request: VendorValue;
  readonly header: VendorValue | undefined;
  readonly response: ParsedResponse;
}

/** Load a shipped contract by id, e.g. `crmcom/invoices_update`. */
export async function shippedContract(id: string): Promise<Contract> {
  return (await loadValidContract(repoPath('contracts', `${id}.yaml`))).contract;
}

/**
 * Read the recording of one case of a shipped contract (from `recordings/`, or another recordings root)
 * and decode it without replaying anything: cheaper than `prepareContract` when only the data matters.
 */
export async function recordedExchange(contract: Contract, caseName: string, recordingsDir = repoPath('recordings')): Promise<RecordedExchange> {
  const spec = contract.cases.find((c) => c.name === caseName);
  if (spec === undefined) throw new Error(`${contract.id} has no case ${caseName}`);
  const har = await readHar(`${recordingsDir}/${recordingPath(contract, spec)}`);
  if (!har.ok) throw new Error(har.problem);
  const entry = har.value.log.entries.find((e) => e._case === caseName);
  if (entry === undefined) throw new Error(`no entry for ${caseName}`);
  const protocol = protocolFor(contract.protocol);
  const decoded = protocol.decodeRequest(contract, protocol.readMessage(entryRequest(entry).body));
  return { contract, request: decoded.body, header: decoded.header, response: classifyResponse(contract, entryResponse(entry)) };
}
