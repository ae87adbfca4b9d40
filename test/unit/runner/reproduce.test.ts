import { beforeAll, describe, expect, it } from 'vitest';
import { reproduceCommand } from '../../../src/runner/reproduce.ts';
import { buildFromInput } from '../../../suites/request-building/build-from-input.ts';
import { soapAction } from '../../../suites/request-building/soap-action.ts';
import { responseDocumented } from '../../../suites/response-parsing/documented.ts';
import { recordingsValid } from '../../../suites/contract/recordings-valid.ts';
import type { CaseContext, ContractContext } from '../../../suites/check.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

const replay = { contracts: '', recordings: '', target: 'replay' };

describe('reproduceCommand', () => {
  let ctx: ContractContext;
  let updateOk: CaseContext;
  beforeAll(async () => {
    ctx = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    const found = ctx.cases.find((c) => c.case.name === 'update-ok');
    if (found === undefined) throw new Error('no update-ok case');
    updateOk = found;
  });

  it('reproduces a response-parsing failure with parse on the case recording', () => {
    expect(reproduceCommand(responseDocumented, updateOk, replay)).toBe(`conformance parse centra/invoices_Update --response ${updateOk.recording.file}`);
  });

  it('reproduces a request.build failure with build on the case', () => {
    expect(reproduceCommand(buildFromInput, updateOk, replay)).toBe('conformance build centra/invoices_Update --case update-ok');
  });

  it('reproduces other failures with a run of the vendor, naming the target unless it is replay', () => {
    expect(reproduceCommand(soapAction, updateOk, replay)).toBe('conformance run --vendor centra');
    expect(reproduceCommand(recordingsValid, ctx, { ...replay, target: 'simulate' })).toBe('conformance run --vendor centra --target simulate');
  });

  it('repeats the contracts and recordings folders the run used', () => {
    const flags = { contracts: ' --contracts x/contracts', recordings: ' --recordings x/recordings', target: 'replay' };
    expect(reproduceCommand(soapAction, updateOk, flags)).toBe('conformance run --vendor centra --contracts x/contracts --recordings x/recordings');
    expect(reproduceCommand(buildFromInput, updateOk, flags)).toBe('conformance build centra/invoices_Update --case update-ok --contracts x/contracts');
  });
});
