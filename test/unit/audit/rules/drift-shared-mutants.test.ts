import { beforeAll, describe, expect, it } from 'vitest';
import type { DriftFinding, DriftRule } from '../../../../src/audit/drift-rule.ts';
import type { Contract } from '../../../../src/types/contract.ts';
import { sequenceBroken } from '../../../../suites/audit/sequence-broken.ts';
import { sequenceChanged } from '../../../../suites/audit/sequence-changed.ts';
import { loadValidContract } from '../../../helpers/prepare-contract.ts';
import { repoPath } from '../../../helpers/paths.ts';
import { pairOf, type SideInput } from './hand-built-pair.ts';

// More drift-rule cases on hand-written pairs (see drift-rules-mutants.test.ts), mostly about the
// helpers the rules share (suites/audit/shared/). Kept in their own file so that Stryker's
// incremental run keeps the results of the first file's tests.

let ixp: Contract;

beforeAll(async () => {
  ixp = (await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'))).contract;
});

async function detect(rule: DriftRule, contract: Contract | undefined, baseline: SideInput | undefined, current: SideInput | undefined): Promise<readonly DriftFinding[]> {
  return rule.detect(await pairOf(contract, baseline, current));
}

describe('which XML bodies count as an ordered xs:sequence', () => {
  it('treats an XML REST body (InvoiceXpress, no WSDL) as unordered even under a contract', async () => {
    const before: SideInput = { body: '<invoice><id>1</id><status>draft</status></invoice>', contentType: 'application/xml' };
    const after: SideInput = { body: '<invoice><status>draft</status><id>1</id></invoice>', contentType: 'application/xml' };
    expect(await detect(sequenceBroken, ixp, before, after)).toEqual([]);
    expect(await detect(sequenceChanged, ixp, before, after)).toEqual([expect.objectContaining({ path: '/invoice', before: 'id, status', after: 'status, id' })]);
  });
});
