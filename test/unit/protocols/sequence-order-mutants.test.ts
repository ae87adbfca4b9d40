import { beforeAll, describe, expect, it } from 'vitest';
import { soap11 } from '../../../src/protocols/soap11.ts';
import { requestSequenceViolations, sequenceViolations } from '../../../src/protocols/soap/sequence-violations.ts';
import type { XmlElement } from '../../../src/codec/xml/xml-element.ts';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const OPS = 'http://www.opsplanning.com/webservices/public/data';

/** The SOAP Body's child of an envelope whose `t:` prefix is bound to urn:t. */
function payloadOf(body: string): XmlElement {
  const m = soap11.readMessage(`<s:Envelope xmlns:s="${S11}" xmlns:t="urn:t"><s:Body>${body}</s:Body></s:Envelope>`);
  if (m.kind !== 'xml' || m.payload === undefined) throw new Error('no payload');
  return m.payload;
}

describe('xs:sequence: the longest run in order is kept, whatever comes later', () => {
  const ABCD: FieldSpec[] = ['A', 'B', 'C', 'D'].map((name) => ({ name, type: 'string' }));

  it('names only the element that went back, not the ones before it (A, B, C, A, D)', () => {
    const out = sequenceViolations(payloadOf('<t:Op><t:A/><t:B/><t:C/><t:A/><t:D/></t:Op>'), ABCD, true, '');
    expect(out.map((v) => v.path)).toEqual(['/A']);
    expect(out[0]?.message).toContain('Received: <A> out of order (after <C>)');
  });
});

describe('the order of a whole OpsPlanning request', () => {
  let ops: Contract;
  beforeAll(async () => {
    ops = (await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'))).contract;
  });

  it('has nothing to check in an envelope without a payload (a SOAP 1.2 envelope)', () => {
    const soap12 = soap11.readMessage('<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>');
    expect(requestSequenceViolations(ops, soap12)).toEqual([]);
  });

  it('checks a header block only against the block of that name', () => {
    const swapped = '<o:Password>p</o:Password><o:AccountName>a</o:AccountName><o:EmailAddress>e@x.com</o:EmailAddress>';
    const message = (block: string) =>
      soap11.readMessage(`<s:Envelope xmlns:s="${S11}" xmlns:o="${OPS}"><s:Header><o:${block}>${swapped}</o:${block}></s:Header><s:Body><o:UpdateInvoicePaymentStatus/></s:Body></s:Envelope>`);
    expect(requestSequenceViolations(ops, message('OtherHeader'))).toEqual([]);
    expect(requestSequenceViolations(ops, message('OpsAuthenticationHeader')).map((v) => v.path)).toEqual(['/Header/OpsAuthenticationHeader/Password']);
  });
});
