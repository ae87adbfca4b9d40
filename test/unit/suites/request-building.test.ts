import { beforeAll, describe, expect, it } from 'vitest';
import { buildFromInput } from '../../../suites/request-building/build-from-input.ts';
import { envelope } from '../../../suites/request-building/envelope.ts';
import { namespaces } from '../../../suites/request-building/namespaces.ts';
import { requestSchema } from '../../../suites/request-building/request-schema.ts';
import { soapAction } from '../../../suites/request-building/soap-action.ts';
import { transport } from '../../../suites/request-building/transport.ts';
import type { CaseCheck, ContractContext } from '../../../suites/check.ts';
import { failingSubjects, outcomesOf, violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, repoPath } from '../../helpers/paths.ts';
import { prepareContract, prepareVariants } from '../../helpers/prepare-contract.ts';

const VARIANTS = ['wrong-path', 'wrong-soap-action', 'request-soap12-envelope', 'wrong-child-namespace', 'wrong-operation-namespace', 'request-missing-id', 'missing-recording'] as const;
type Variant = (typeof VARIANTS)[number];

describe('request-building suite', () => {
  let original: ContractContext;
  let caseMissingId: ContractContext;
  let of: (name: Variant) => ContractContext;

  beforeAll(async () => {
    original = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    caseMissingId = await prepareContract(repoPath('test/fixtures/contracts/case-missing-invoice-id/centra/invoices_Update.yaml'), CENTRA_RECORDINGS);
    of = await prepareVariants(CENTRA_CONTRACT, VARIANTS);
  });

  it.each<CaseCheck>([buildFromInput, transport, soapAction, envelope, namespaces, requestSchema])('$id passes on every recorded Centra case', (check) => {
    expect(violationsOf(check, original)).toEqual([]);
  });

  it('request.build fails for a case whose input lacks a required value, naming the field and the input to set', () => {
    expect(failingSubjects(buildFromInput, caseMissingId)).toEqual(['fault-server']);
    const [violation] = violationsOf(buildFromInput, caseMissingId);
    expect(violation).toMatchObject({ rule: 'required', path: '/invoices/invoice/0/id' });
    expect(violation?.message).toContain('Fix: set "invoice.id" in the input.');
  });

  it('request.transport fails for a recorded request sent to the docs host path', () => {
    expect(failingSubjects(transport, of('wrong-path'))).toEqual(['update-ok']);
    expect(violationsOf(transport, of('wrong-path'))).toEqual([
      expect.objectContaining({ rule: 'path', message: 'Received: /amsdocs/system/service/module/soap/api / Documented: /ams/system/service/module/soap/api.' }),
    ]);
  });

  it('request.soap-action applies to SOAP 1.1 contracts and fails for a SOAPAction that differs only in case', () => {
    expect(soapAction.appliesTo(original.contract)).toBe(true);
    expect(failingSubjects(soapAction, of('wrong-soap-action'))).toEqual(['update-ok']);
    const [violation] = violationsOf(soapAction, of('wrong-soap-action'));
    expect(violation).toMatchObject({ rule: 'soapaction', path: 'header soapaction' });
    expect(violation?.message).toContain('"\\"http://www.centra.com/webservices/Invoices_Update\\""');
  });

  it('request.envelope fails for a request in a SOAP 1.2 envelope', () => {
    expect(failingSubjects(envelope, of('request-soap12-envelope'))).toEqual(['update-ok']);
    expect(violationsOf(envelope, of('request-soap12-envelope'))[0]?.message).toContain('(this is a SOAP 1.2 envelope)');
  });

  it('request.namespaces fails for one child element outside the Centra namespace', () => {
    expect(violationsOf(namespaces, of('wrong-child-namespace'))).toEqual([
      expect.objectContaining({ rule: 'namespace', path: '/invoices/invoice/currency' }),
    ]);
  });

  it('request.namespaces fails for an operation element in another namespace URI, whatever its prefix', () => {
    const violations = violationsOf(namespaces, of('wrong-operation-namespace'));
    expect(violations).toEqual([expect.objectContaining({ rule: 'namespace', path: '/invoices_Update' })]);
    expect(violations[0]?.message).toContain('Received: <{http://www.centra.com/webservices}invoices_Update>');
  });

  it('request.schema fails for a recorded request without the required id', () => {
    expect(failingSubjects(requestSchema, of('request-missing-id'))).toEqual(['update-ok']);
    expect(violationsOf(requestSchema, of('request-missing-id'))).toEqual([expect.objectContaining({ rule: 'required', path: '/invoices/invoice/0/id' })]);
  });

  it.each<CaseCheck>([transport, soapAction, envelope, namespaces, requestSchema])('$id is skipped for a case whose recording is missing', (check) => {
    expect(outcomesOf(check, of('missing-recording'))['update-ok']).toEqual({ skip: 'the recording could not be read (see contract.recordings-valid)' });
  });
});
