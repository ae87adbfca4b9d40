import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/runner/run-check.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { contractCheck as defineContractCheck, type CaseCheck, type CheckOutcome, type ContractCheck, type ContractContext } from '../../../suites/check.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

const error: Violation = { rule: 'r', path: '/x', message: 'Received: a / Documented: b.', severity: 'error' };
const warning: Violation = { rule: 'w', path: '/y', message: 'Received: c / Documented: d.', severity: 'warning' };

function contractCheck(outcome: CheckOutcome): ContractCheck {
  return defineContractCheck({ id: 'test.contract', title: 'A contract-level test check', suite: 'contract', appliesTo: () => true, begin: () => ({ add: () => undefined, finish: () => outcome }) });
}

describe('runCheck', () => {
  let ctx: ContractContext;
  beforeAll(async () => {
    ctx = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
  });

  it('gives passed for no violations, with the check identity and a contract#contract#check id', () => {
    expect(runCheck(contractCheck([]), ctx, 'conformance run --vendor centra')).toMatchObject({
      id: 'centra/invoices_Update#contract#test.contract',
      check: 'test.contract',
      title: 'A contract-level test check',
      suite: 'contract',
      contract: 'centra/invoices_Update',
      case: null,
      state: 'passed',
      violations: [],
    });
  });

  it('gives passed for warnings alone, and keeps them', () => {
    expect(runCheck(contractCheck([warning]), ctx, 'x')).toMatchObject({ state: 'passed', violations: [warning] });
  });

  it('gives failed for an error, with every violation and the reproduce command', () => {
    const result = runCheck(contractCheck([warning, error]), ctx, 'conformance run --vendor centra');
    expect(result).toMatchObject({ state: 'failed', violations: [warning, error], reproduce: 'conformance run --vendor centra' });
  });

  it('gives skipped with the reason when the check does not apply', () => {
    const result = runCheck(contractCheck({ skip: 'no secrets declared' }), ctx, 'x');
    expect(result).toMatchObject({ state: 'skipped', reason: 'no secrets declared' });
    expect(result).not.toHaveProperty('violations');
  });

  it('runs a case check on its case and names the case in the id', () => {
    const check: CaseCheck = { id: 'test.case', title: 'A case test check', suite: 'scenarios', scope: 'case', appliesTo: () => true, run: (c) => (c.case.name === 'update-ok' ? [error] : []) };
    const [first] = ctx.cases;
    if (first === undefined) throw new Error('no cases');
    expect(runCheck(check, first, 'x')).toMatchObject({ id: 'centra/invoices_Update#update-ok#test.case', case: 'update-ok', state: 'failed' });
  });
});
