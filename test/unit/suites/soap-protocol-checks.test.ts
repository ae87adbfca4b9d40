import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sequence } from '../../../suites/request-building/sequence.ts';
import { soapVersion } from '../../../suites/request-building/soap-version.ts';
import { mustUnderstand } from '../../../suites/request-building/must-understand.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { failingSubjects, violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, repoPath } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

const EBIZ = repoPath('contracts/ebizcharge/UpdateInvoice.yaml');
const OPS = repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml');

describe('SOAP protocol checks over recorded requests', () => {
  let ebiz: ContractContext;
  let ops: ContractContext;
  let centra: ContractContext;
  const variant = (name: string): Promise<ContractContext> => prepareContract(EBIZ, repoPath('test/fixtures/recordings', name));

  beforeAll(async () => {
    ebiz = await prepareContract(EBIZ, repoPath('recordings'));
    ops = await prepareContract(OPS, repoPath('recordings'));
    centra = await prepareContract(CENTRA_CONTRACT, repoPath('recordings'));
  });

  it.each([sequence, soapVersion, mustUnderstand])('$id passes on every shipped EBizCharge and OpsPlanning recording', (check) => {
    expect(violationsOf(check, ebiz)).toEqual([]);
    expect(violationsOf(check, ops)).toEqual([]);
  });

  it('request.sequence applies where the contract declares an order (EBizCharge, OpsPlanning) and not to Centra', () => {
    expect(sequence.appliesTo(ebiz.contract)).toBe(true);
    expect(sequence.appliesTo(ops.contract)).toBe(true);
    expect(sequence.appliesTo(centra.contract)).toBe(false);
  });

  it('request.sequence fails an EBizCharge request with PoNum moved before InvoiceNumber, naming only the moved element', async () => {
    const ctx = await variant('ebizcharge-out-of-order');
    expect(failingSubjects(sequence, ctx)).toEqual(['update-ok-php-example']);
    expect(violationsOf(sequence, ctx)).toEqual([
      expect.objectContaining({ rule: 'sequence', path: '/invoice/PoNum', severity: 'error', message: expect.stringContaining('Received: <PoNum> out of order (after <CustomerId>) / Documented: <PoNum> comes after <AmountDue> and before <SoNum> (xs:sequence)') }),
    ]);
  });

  it('request.soap-version fails a SOAP 1.2 content type and a SOAP 1.2 envelope, naming the version', async () => {
    const ct = await variant('ebizcharge-soap12-content-type');
    expect(failingSubjects(soapVersion, ct)).toEqual(['update-ok-php-example']);
    expect(violationsOf(soapVersion, ct)[0]).toMatchObject({ rule: 'soap-version', params: { version: '1.2' }, message: expect.stringContaining('(SOAP 1.2) / Documented: text/xml (SOAP 1.1)') });
    const env = await prepareContract(CENTRA_CONTRACT, repoPath('test/fixtures/recordings/request-soap12-envelope'));
    expect(failingSubjects(soapVersion, env)).toEqual(['update-ok']);
    expect(violationsOf(soapVersion, env)[0]?.message).toContain('Received: a SOAP 1.2 envelope');
  });

  it('request.must-understand flags an undeclared header block marked mustUnderstand="1"', async () => {
    const ctx = await variant('ebizcharge-must-understand');
    expect(failingSubjects(mustUnderstand, ctx)).toEqual(['update-ok-php-example']);
    expect(violationsOf(mustUnderstand, ctx)[0]).toMatchObject({ rule: 'must-understand', path: '/Header/Security' });
  });

  it('declares the EBizCharge element order of the WSDL (UpdateInvoice and Invoice sequences)', () => {
    const wsdl = readFileSync(repoPath('../shared/vendor-material/ebizcharge/eBizService.wsdl'), 'utf8');
    const sequenceOf = (type: string): string[] => {
      const block = new RegExp(`<xs:complexType name="${type}">\\s*<xs:sequence>([\\s\\S]*?)</xs:sequence>`).exec(wsdl)?.[1] ?? '';
      return [...block.matchAll(/name="([^"]+)"/g)].map((m) => m[1] ?? '');
    };
    const invoice = ebiz.contract.request.fields.find((f) => f.name === 'invoice');
    expect(invoice?.fields?.map((f) => f.name)).toEqual(sequenceOf('Invoice'));
    const item = invoice?.fields?.find((f) => f.name === 'Items')?.fields?.[0];
    expect(item?.fields?.map((f) => f.name)).toEqual(sequenceOf('Item'));
  });
});
