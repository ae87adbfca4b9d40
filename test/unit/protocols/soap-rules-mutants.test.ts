import { beforeAll, describe, expect, it } from 'vitest';
import { soap11 } from '../../../src/protocols/soap11.ts';
import { json } from '../../../src/protocols/json.ts';
import { requestSequenceViolations, sequenceViolations } from '../../../src/protocols/soap/sequence-violations.ts';
import { mustUnderstandViolations, notUnderstoodHeaders } from '../../../src/protocols/soap/must-understand.ts';
import { isSoap12ContentType, isSoap12Envelope, soapVersionViolations, SOAP12_ENVELOPE_NS, SOAP12_MEDIA_TYPE } from '../../../src/protocols/soap/soap-version.ts';
import type { MessageBody } from '../../../src/protocols/protocol.ts';
import type { XmlElement } from '../../../src/codec/xml/xml-element.ts';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const S12 = 'http://www.w3.org/2003/05/soap-envelope';
const NS = 'urn:test';

/** A SOAP 1.1 envelope around a header (optional) and a body, read by the real protocol. */
function envelope(body: string, header?: string): MessageBody {
  const h = header === undefined ? '' : `<s:Header>${header}</s:Header>`;
  return soap11.readMessage(`<s:Envelope xmlns:s="${S11}" xmlns:t="${NS}">${h}<s:Body>${body}</s:Body></s:Envelope>`);
}

/** The SOAP Body's child of an envelope. */
function payloadOf(body: string): XmlElement {
  const m = envelope(body);
  if (m.kind !== 'xml' || m.payload === undefined) throw new Error('no payload');
  return m.payload;
}

const ABC: FieldSpec[] = [
  { name: 'A', type: 'string' },
  { name: 'B', type: 'string' },
  { name: 'C', type: 'string' },
];

describe('xs:sequence order of request elements', () => {
  it('reports nothing when the children follow the declared order, repeats included, or when order is not declared', () => {
    expect(sequenceViolations(payloadOf('<t:Op><t:A/><t:A/><t:B/><t:C/></t:Op>'), ABC, true, '')).toEqual([]);
    expect(sequenceViolations(payloadOf('<t:Op><t:C/><t:B/><t:A/></t:Op>'), ABC, false, '')).toEqual([]);
  });

  it('names only the element moved out of place, with its documented neighbours and what it followed', () => {
    const out = sequenceViolations(payloadOf('<t:Op><t:A/><t:C/><t:B/></t:Op>'), ABC, true, '/Op');
    // A, C, B: the longest ordered run is A, C (or A, B); exactly one element is out of place.
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'sequence', severity: 'error' });
    const moved = out[0]?.params?.['element'];
    expect(['B', 'C']).toContain(moved);
    expect(out[0]?.path).toBe(`/Op/${String(moved)}`);
  });

  it('describes an element sent first although the sequence puts it last', () => {
    const out = sequenceViolations(payloadOf('<t:Op><t:C/><t:A/><t:B/></t:Op>'), ABC, true, '');
    expect(out).toEqual([
      expect.objectContaining({
        rule: 'sequence',
        path: '/C',
        params: { element: 'C' },
        message: expect.stringContaining('Received: <C> out of order (first) / Documented: <C> comes after <B> (xs:sequence).'),
      }),
    ]);
  });

  it('describes a first element sent last, naming the element it followed and the one it must precede', () => {
    const out = sequenceViolations(payloadOf('<t:Op><t:B/><t:C/><t:A/></t:Op>'), ABC, true, '');
    expect(out.map((v) => v.path)).toEqual(['/A']);
    expect(out[0]?.message).toContain('Received: <A> out of order (after <C>) / Documented: <A> comes before <B> (xs:sequence).');
  });

  it('names both neighbours of a middle element and keeps a repeated element that comes back after another', () => {
    const middle = sequenceViolations(payloadOf('<t:Op><t:A/><t:C/><t:C/><t:B/></t:Op>'), ABC, true, '');
    expect(middle.map((v) => v.path)).toEqual(['/B']);
    expect(middle[0]?.message).toContain('<B> comes after <A> and before <C>');
    const back = sequenceViolations(payloadOf('<t:Op><t:A/><t:B/><t:A/></t:Op>'), ABC, true, '');
    expect(back.map((v) => v.path)).toEqual(['/A']);
    expect(back[0]?.message).toContain('(after <B>)');
  });

  it('leaves undocumented elements to the namespace check and keeps the longest ordered run', () => {
    // X is not a field. Of C, A, B, C the run A, B, C is the longest in order, so only the first C is out of place.
    const out = sequenceViolations(payloadOf('<t:Op><t:X/><t:C/><t:A/><t:X/><t:B/><t:C/></t:Op>'), ABC, true, '');
    expect(out.map((v) => v.path)).toEqual(['/C']);
    expect(out[0]?.message).toContain('(first)');
  });

  it('checks the children of object fields, with their own order flag or the inherited one, and skips open objects', () => {
    const fields: FieldSpec[] = [
      { name: 'Inner', type: 'object', fields: ABC },
      { name: 'Free', type: 'object', ordered: false, fields: ABC },
      { name: 'Open', type: 'object', open: true, fields: ABC },
    ];
    const body = payloadOf('<t:Op><t:Inner><t:B/><t:A/></t:Inner><t:Free><t:B/><t:A/></t:Free><t:Open><t:B/><t:A/></t:Open></t:Op>');
    expect(sequenceViolations(body, fields, true, '').map((v) => v.path)).toEqual(['/Inner/A']);
    // Unordered at the top, but an object field may still declare its own sequence.
    const strict: FieldSpec[] = [{ name: 'Inner', type: 'object', ordered: true, fields: ABC }];
    expect(sequenceViolations(payloadOf('<t:Op><t:Inner><t:B/><t:A/></t:Inner></t:Op>'), strict, false, '').map((v) => v.path)).toEqual(['/Inner/A']);
  });

  describe('over a whole request', () => {
    let ops: Contract;
    beforeAll(async () => {
      ops = (await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'))).contract;
    });
    const OPS = 'http://www.opsplanning.com/webservices/public/data';
    const request = (params: string, header: string): string =>
      `<s:Envelope xmlns:s="${S11}" xmlns:o="${OPS}"><s:Header>${header}</s:Header><s:Body><o:UpdateInvoicePaymentStatus><o:request><o:Parameters>${params}</o:Parameters></o:request></o:UpdateInvoicePaymentStatus></s:Body></s:Envelope>`;
    const AUTH_OK = '<o:OpsAuthenticationHeader><o:AccountName>a</o:AccountName><o:EmailAddress>e@x.com</o:EmailAddress><o:Password>p</o:Password></o:OpsAuthenticationHeader>';
    const AUTH_SWAPPED = '<o:OpsAuthenticationHeader><o:Password>p</o:Password><o:AccountName>a</o:AccountName><o:EmailAddress>e@x.com</o:EmailAddress></o:OpsAuthenticationHeader>';

    it('checks the body and each declared header block against the documented order', () => {
      expect(requestSequenceViolations(ops, soap11.readMessage(request('<o:InvoiceNumber>1</o:InvoiceNumber><o:PaidFlag>true</o:PaidFlag>', AUTH_OK)))).toEqual([]);
      const late = '<o:InvoiceNumber>1</o:InvoiceNumber><o:PaymentComment>c</o:PaymentComment><o:InvoiceTimestamp>t</o:InvoiceTimestamp><o:PaidFlag>true</o:PaidFlag>';
      const both = requestSequenceViolations(ops, soap11.readMessage(request(late, AUTH_SWAPPED)));
      // Header first, then the body; the header path names its block.
      expect(both.map((v) => v.path)).toEqual(['/Header/OpsAuthenticationHeader/Password', '/request/Parameters/PaidFlag']);
    });

    it('ignores undeclared header blocks, Fault bodies and non-XML messages', () => {
      const undeclared = '<x:Other xmlns:x="urn:other"><x:B/><x:A/></x:Other>';
      expect(requestSequenceViolations(ops, soap11.readMessage(request('<o:InvoiceNumber>1</o:InvoiceNumber>', undeclared)))).toEqual([]);
      const fault = soap11.readMessage(`<s:Envelope xmlns:s="${S11}"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>x</faultstring></s:Fault></s:Body></s:Envelope>`);
      expect(requestSequenceViolations(ops, fault)).toEqual([]);
      expect(requestSequenceViolations(ops, json.readMessage('{"a":1}'))).toEqual([]);
    });

    it('treats a request without `ordered` as unordered, while a header block may declare its own order', () => {
      const { ordered: _ordered, ...rest } = ops.request;
      const unordered: Contract = { ...ops, request: rest };
      const swapped = soap11.readMessage(request('<o:PaidFlag>true</o:PaidFlag><o:InvoiceNumber>1</o:InvoiceNumber>', AUTH_SWAPPED));
      expect(requestSequenceViolations(unordered, swapped)).toEqual([]);
      const header = (ops.request.header ?? []).map((f) => ({ ...f, ordered: true }));
      const headerOrdered: Contract = { ...unordered, request: { ...unordered.request, header } };
      expect(requestSequenceViolations(headerOrdered, swapped).map((v) => v.path)).toEqual(['/Header/OpsAuthenticationHeader/Password']);
    });
  });
});

describe('mustUnderstand header blocks (SOAP 1.1 section 4.2.3)', () => {
  let ops: Contract;
  let centra: Contract;
  beforeAll(async () => {
    ops = (await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'))).contract;
    centra = (await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'))).contract;
  });
  const OPS = 'http://www.opsplanning.com/webservices/public/data';
  const block = (attr: string, ns = 'urn:wsse', name = 'Security'): string => `<w:${name} xmlns:w="${ns}" ${attr}><w:x/></w:${name}>`;
  const msg = (header: string): MessageBody => envelope('<t:Op/>', header);

  it('flags an undeclared block whose SOAP-namespaced mustUnderstand is 1 or true (spaces allowed), and none that is 0 or unqualified', () => {
    for (const value of ['1', 'true', ' 1 ']) {
      expect(notUnderstoodHeaders(ops, msg(block(`s:mustUnderstand="${value}"`))).map((b) => b.local), value).toEqual(['Security']);
    }
    for (const attr of ['s:mustUnderstand="0"', 's:mustUnderstand="false"', 'mustUnderstand="1"', '']) {
      expect(notUnderstoodHeaders(ops, msg(block(attr))), attr).toEqual([]);
    }
  });

  it('accepts a declared block only in its documented namespace', () => {
    expect(notUnderstoodHeaders(ops, msg(block('s:mustUnderstand="1"', OPS, 'OpsAuthenticationHeader')))).toEqual([]);
    expect(notUnderstoodHeaders(ops, msg(block('s:mustUnderstand="1"', 'urn:elsewhere', 'OpsAuthenticationHeader'))).map((b) => b.ns)).toEqual(['urn:elsewhere']);
  });

  it('says which header blocks the contract documents, or that it documents none', () => {
    const [withHeader] = mustUnderstandViolations(ops, msg(block('s:mustUnderstand="1"')));
    expect(withHeader).toMatchObject({ rule: 'must-understand', path: '/Header/Security', severity: 'error', params: { header: 'Security', namespace: 'urn:wsse' } });
    expect(withHeader?.message).toContain('Received: header block {urn:wsse}Security with mustUnderstand="1" / Documented: header blocks OpsAuthenticationHeader.');
    const [none] = mustUnderstandViolations(centra, envelope('<t:Op/>', '<Security s:mustUnderstand="1"/>'));
    expect(none?.message).toContain('Received: header block Security with mustUnderstand="1" / Documented: no header blocks.');
  });

  it('finds nothing in a message without a header or that is not XML', () => {
    expect(mustUnderstandViolations(ops, envelope('<t:Op/>'))).toEqual([]);
    expect(mustUnderstandViolations(ops, json.readMessage('{}'))).toEqual([]);
  });
});

describe('SOAP 1.2 sent to a SOAP 1.1 service', () => {
  const request = (contentType: string | undefined) => ({ method: 'POST', url: 'http://x/', headers: contentType === undefined ? {} : { 'content-type': contentType }, body: '' });
  const soap12 = soap11.readMessage(`<e:Envelope xmlns:e="${S12}"><e:Body/></e:Envelope>`);

  it('knows the SOAP 1.2 namespace and media type', () => {
    expect(SOAP12_ENVELOPE_NS).toBe(S12);
    expect(SOAP12_MEDIA_TYPE).toBe('application/soap+xml');
  });

  it('recognises application/soap+xml whatever its case and parameters, and nothing else', () => {
    expect(isSoap12ContentType(request('Application/SOAP+XML; charset=utf-8; action="urn:x"'))).toBe(true);
    expect(isSoap12ContentType(request('text/xml; charset=utf-8'))).toBe(false);
    expect(isSoap12ContentType(request(undefined))).toBe(false);
  });

  it('recognises a SOAP 1.2 Envelope by namespace and name', () => {
    expect(isSoap12Envelope(soap12)).toBe(true);
    expect(isSoap12Envelope(envelope('<t:Op/>'))).toBe(false);
    expect(isSoap12Envelope(soap11.readMessage(`<e:Body xmlns:e="${S12}"/>`))).toBe(false);
    expect(isSoap12Envelope(json.readMessage('{}'))).toBe(false);
  });

  it('reports the content type and the envelope separately, each naming version 1.2', () => {
    expect(soapVersionViolations(request('text/xml'), envelope('<t:Op/>'))).toEqual([]);
    const both = soapVersionViolations(request('application/soap+xml'), soap12);
    expect(both).toEqual([
      expect.objectContaining({ rule: 'soap-version', path: 'header content-type', params: { version: '1.2' }, message: expect.stringContaining('Received: Content-Type application/soap+xml (SOAP 1.2) / Documented: text/xml (SOAP 1.1).') }),
      expect.objectContaining({ rule: 'soap-version', path: '/Envelope', params: { version: '1.2' }, message: expect.stringContaining(`Received: a SOAP 1.2 envelope ({${S12}}Envelope)`) }),
    ]);
    expect(soapVersionViolations(request('text/xml'), soap12).map((v) => v.path)).toEqual(['/Envelope']);
  });
});
