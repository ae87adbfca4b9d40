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

  it('reruns just the case and the check of a case-level result, with a run of its vendor', () => {
    expect(reproduceCommand(responseDocumented, updateOk, replay)).toBe('conformance run --vendor centra --case update-ok --check response.documented');
    expect(reproduceCommand(buildFromInput, updateOk, replay)).toBe('conformance run --vendor centra --case update-ok --check request.build');
    expect(reproduceCommand(soapAction, updateOk, replay)).toBe('conformance run --vendor centra --case update-ok --check request.soap-action');
  });

  it('reruns just the check of a contract-level result, naming the target unless it is replay', () => {
    expect(reproduceCommand(recordingsValid, ctx, replay)).toBe('conformance run --vendor centra --check contract.recordings-valid');
    expect(reproduceCommand(recordingsValid, ctx, { ...replay, target: 'simulate' })).toBe('conformance run --vendor centra --check contract.recordings-valid --target simulate');
  });

  it('repeats the contracts and recordings folders the run used', () => {
    const flags = { contracts: ' --contracts x/contracts', recordings: ' --recordings x/recordings', target: 'replay' };
    expect(reproduceCommand(soapAction, updateOk, flags)).toBe('conformance run --vendor centra --case update-ok --check request.soap-action --contracts x/contracts --recordings x/recordings');
  });
});
