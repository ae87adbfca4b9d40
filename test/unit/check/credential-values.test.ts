import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import { credentialValues } from '../../../src/check/credential-values.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

let ebiz: Contract;
let ixp: Contract;
let ops: Contract;
beforeAll(async () => {
  ebiz = (await loadValidContract(repoPath('contracts/ebizcharge/UpdateInvoice.yaml'))).contract;
  ixp = (await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'))).contract;
  ops = (await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'))).contract;
});

const soap = (ns: string, envelope = 'http://schemas.xmlsoap.org/soap/envelope/') =>
  `<s:Envelope xmlns:s="${envelope}" xmlns:e="${ns}"><s:Body><e:UpdateInvoice><e:securityToken><e:SecurityId>sid-value-1</e:SecurityId><e:UserId>user-1</e:UserId><e:Password>pw-value-1</e:Password></e:securityToken></e:UpdateInvoice></s:Body></s:Envelope>`;

describe('credentialValues', () => {
  it('finds every credential position of a SOAP body, marking which are secret', () => {
    const found = credentialValues(ebiz, { method: 'POST', url: 'https://x/eBizService.svc', headers: {}, body: soap('http://eBizCharge.ServiceModel.SOAP') });
    expect(found.map((f) => [f.place, f.value, f.secret])).toEqual([
      ['body:/securityToken/SecurityId', 'sid-value-1', true],
      ['body:/securityToken/UserId', 'user-1', false],
      ['body:/securityToken/Password', 'pw-value-1', true],
    ]);
  });

  it('still finds them when the namespace URI or the SOAP version is wrong', () => {
    for (const body of [soap('http://eBizCharge.ServiceModel.SOAP/'), soap('http://eBizCharge.ServiceModel.SOAP', 'http://www.w3.org/2003/05/soap-envelope')]) {
      expect(credentialValues(ebiz, { method: 'POST', url: 'https://x/eBizService.svc', headers: {}, body }).map((f) => f.value)).toEqual(['sid-value-1', 'user-1', 'pw-value-1']);
    }
  });

  it('finds a query credential and a SOAP header credential, and skips the redaction marker', () => {
    expect(credentialValues(ixp, { method: 'PUT', url: 'https://x/invoices/1.xml?api_key=key-123456', headers: {}, body: '' }).map((f) => [f.place, f.value])).toEqual([['query:api_key', 'key-123456']]);
    expect(credentialValues(ixp, { method: 'PUT', url: 'https://x/invoices/1.xml?api_key=%5Bredacted%5D', headers: {}, body: '' })).toEqual([]);
    const header = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:d="urn:x"><s:Header><d:OpsAuthenticationHeader><d:Password>ops-secret-9</d:Password></d:OpsAuthenticationHeader></s:Header><s:Body/></s:Envelope>';
    expect(credentialValues(ops, { method: 'POST', url: 'https://x/y', headers: {}, body: header }).map((f) => [f.place, f.secret])).toEqual([['header:/OpsAuthenticationHeader/Password', true]]);
  });
});
