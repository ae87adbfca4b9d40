import { beforeAll, describe, expect, it } from 'vitest';
import { casesDistinct } from '../../../suites/contract/cases-distinct.ts';
import { vendorVersion } from '../../../suites/request-building/vendor-version.ts';
import type { CaseContext, ContractContext } from '../../../suites/check.ts';
import { failingSubjects, violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, repoPath } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

describe('contract.cases-distinct', () => {
  let original: ContractContext;
  let duplicate: ContractContext;
  beforeAll(async () => {
    original = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    duplicate = await prepareContract(repoPath('test/fixtures/hostile/contracts/duplicate-case-input/centra/invoices_Update.yaml'), CENTRA_RECORDINGS);
  });

  it('passes when every case builds a different request', () => {
    expect(violationsOf(casesDistinct, original)).toEqual([]);
  });

  it('fails when two cases build the same request, naming both', () => {
    const violations = violationsOf(casesDistinct, duplicate);
    expect(violations).toEqual([expect.objectContaining({ rule: 'duplicate-request', path: 'cases.fault-server' })]);
    expect(violations[0]?.message).toContain('case "fault-server" builds the same request as "update-failed"');
  });
});

describe('request.vendor-version', () => {
  let crmcom: ContractContext;
  const at = (version: string | undefined): ContractContext => ({
    ...crmcom,
    cases: crmcom.cases.map((c): CaseContext => {
      const { vendorVersion: _drop, ...rest } = c;
      return version === undefined ? rest : { ...rest, vendorVersion: version };
    }),
  });
  beforeAll(async () => {
    crmcom = await prepareContract(repoPath('contracts/crmcom/invoices_update.yaml'), repoPath('recordings'));
  });

  it('is skipped without --vendor-version', () => {
    expect(failingSubjects(vendorVersion, at(undefined))).toEqual([]);
    expect(vendorVersion.run(at(undefined).cases[0] as CaseContext)).toEqual({ skip: 'no --vendor-version given for crmcom' });
  });

  it('passes every case for a version that has every field they send', () => {
    expect(violationsOf(vendorVersion, at('R15.0.0'))).toEqual([]);
  });

  it('fails a request that sends intended_currency_identifier to R10, which lacks it', () => {
    const violations = violationsOf(vendorVersion, at('R10.0.0'));
    expect(violations).toContainEqual(expect.objectContaining({ rule: 'since', path: '/intended_currency_identifier' }));
    expect(violations.find((v) => v.path === '/intended_currency_identifier')?.message).toContain('is available from R11.0.0');
  });

  it('fails every case for a version older than the operation itself', () => {
    const c = at('R9.0.0');
    expect(failingSubjects(vendorVersion, c)).toEqual(c.cases.map((x) => x.case.name));
  });
});
