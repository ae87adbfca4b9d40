import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import { contentTypeViolations, soapActionViolations } from '../../../src/protocols/transport-departures.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

describe('transport departures', () => {
  let centra: Contract;
  let ebiz: Contract;
  let ix: Contract;
  beforeAll(async () => {
    centra = (await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'))).contract;
    ebiz = (await loadValidContract(repoPath('contracts/ebizcharge/UpdateInvoice.yaml'))).contract;
    ix = (await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'))).contract;
  });

  it('passes the documented SOAPAction and content type', () => {
    expect(soapActionViolations(ebiz, ebiz.transport.soapAction)).toEqual([]);
    expect(contentTypeViolations(ix, 'application/xml; charset=utf-8')).toEqual([]);
  });

  it('warns on an unquoted SOAPAction for every SOAP vendor', () => {
    for (const c of [centra, ebiz]) expect(soapActionViolations(c, (c.transport.soapAction ?? '').replace(/"/g, ''))).toEqual([expect.objectContaining({ severity: 'warning', params: expect.objectContaining({ unquoted: true }) })]);
  });

  it('warns on a missing SOAPAction only where the service does not route on it (Centra), and fails it for WCF', () => {
    expect(soapActionViolations(centra, undefined)).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(soapActionViolations(ebiz, undefined)).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(soapActionViolations(ebiz, '""')).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('fails a SOAPAction for another operation, quoted or not', () => {
    expect(soapActionViolations(ebiz, '"http://eBizCharge.ServiceModel.SOAP/IeBizService/AddInvoice"')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(soapActionViolations(centra, 'http://www.centra.com/webservices/invoices_Update')).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('warns on text/xml for InvoiceXpress and fails another media type', () => {
    expect(contentTypeViolations(ix, 'text/xml')).toEqual([expect.objectContaining({ severity: 'warning', params: expect.objectContaining({ accepted: expect.stringContaining('text/xml') }) })]);
    expect(contentTypeViolations(ix, 'application/json')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(contentTypeViolations(ebiz, 'application/xml')).toEqual([expect.objectContaining({ severity: 'error' })]);
  });
});
