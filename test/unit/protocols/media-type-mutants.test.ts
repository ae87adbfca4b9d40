import { beforeAll, describe, expect, it } from 'vitest';
import { mediaTypeOf, mediaTypeProblem } from '../../../src/protocols/response-media-type.ts';
import { contentTypeViolations, soapActionViolations } from '../../../src/protocols/transport-departures.ts';
import type { Contract, ResponseSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

const load = async (file: string): Promise<Contract> => (await loadValidContract(repoPath(file))).contract;

/** The contract's documented response with this name. */
function response(contract: Contract, name: string): ResponseSpec {
  const spec = contract.responses.find((r) => r.name === name);
  if (spec === undefined) throw new Error(`${contract.id} has no response ${name}`);
  return spec;
}

describe('media types (RFC 9110 section 8.3: type/subtype case-insensitive, parameters after ";")', () => {
  it('reads the media type without parameters, lower-cased and trimmed, and nothing from no header', () => {
    expect(mediaTypeOf(' Text/XML ; charset=UTF-8')).toBe('text/xml');
    expect(mediaTypeOf('application/json')).toBe('application/json');
    expect(mediaTypeOf(undefined)).toBe('');
    expect(mediaTypeOf('')).toBe('');
  });

  describe('of a response against the documented response it matched', () => {
    let ebiz: Contract;
    let ix: Contract;
    let crm: Contract;
    beforeAll(async () => {
      [ebiz, ix, crm] = await Promise.all([load('contracts/ebizcharge/UpdateInvoice.yaml'), load('contracts/invoicexpress/invoices.update.yaml'), load('contracts/crmcom/invoices_update.yaml')]);
    });

    it('wants text/xml for a SOAP 1.1 answer: application/soap+xml is SOAP 1.2 and application/xml is not SOAP 1.1', () => {
      const ok = ebiz.responses[0] as ResponseSpec;
      expect(mediaTypeProblem(ebiz, ok, 'text/xml; charset=utf-8')).toBeUndefined();
      for (const wrong of ['application/soap+xml', 'application/xml', 'text/html']) {
        expect(mediaTypeProblem(ebiz, ok, wrong), wrong).toBe(`Received: Content-Type ${wrong} / Documented: text/xml (SOAP 1.1) for the response "${ok.name}".`);
      }
      expect(mediaTypeProblem(ebiz, ok, undefined)).toBe(`Received: Content-Type (none) / Documented: text/xml (SOAP 1.1) for the response "${ok.name}".`);
    });

    it('takes application/xml, text/xml and +xml types for plain XML, but not SOAP 1.2 or HTML', () => {
      const errors = response(ix, 'invalid-request');
      for (const fits of ['application/xml', 'text/xml; charset=utf-8', 'application/atom+xml']) expect(mediaTypeProblem(ix, errors, fits), fits).toBeUndefined();
      for (const wrong of ['application/soap+xml', 'text/html', 'application/json']) {
        expect(mediaTypeProblem(ix, errors, wrong), wrong).toBe(`Received: Content-Type ${wrong} / Documented: application/xml or text/xml for the response "invalid-request".`);
      }
    });

    it('takes application/json and +json types for a JSON body, on an XML endpoint too', () => {
      const auth = ix.responses.find((r) => r.match.body === 'json') as ResponseSpec;
      const crmOk = crm.responses[0] as ResponseSpec;
      for (const fits of ['application/json; charset=utf-8', 'application/problem+json']) {
        expect(mediaTypeProblem(ix, auth, fits), fits).toBeUndefined();
        expect(mediaTypeProblem(crm, crmOk, fits), fits).toBeUndefined();
      }
      expect(mediaTypeProblem(crm, crmOk, 'application/xml')).toBe(`Received: Content-Type application/xml / Documented: application/json for the response "${crmOk.name}".`);
      expect(mediaTypeProblem(ix, auth, 'text/plain')).toContain('Documented: application/json');
    });

    it('takes any media type for an empty or `body: any` response (InvoiceXpress 200 and 404)', () => {
      const empty = ix.responses.find((r) => r.match.body === 'empty') as ResponseSpec;
      const any = ix.responses.find((r) => r.match.body === 'any') as ResponseSpec;
      expect(mediaTypeProblem(ix, empty, 'text/html')).toBeUndefined();
      expect(mediaTypeProblem(ix, any, 'text/html')).toBeUndefined();
      expect(mediaTypeProblem(ix, any, undefined)).toBeUndefined();
    });
  });
});

describe('transport departures, message by message', () => {
  let centra: Contract;
  let ebiz: Contract;
  let ix: Contract;
  let crm: Contract;
  beforeAll(async () => {
    [centra, ebiz, ix, crm] = await Promise.all([
      load('contracts/centra/invoices_Update.yaml'),
      load('contracts/ebizcharge/UpdateInvoice.yaml'),
      load('contracts/invoicexpress/invoices.update.yaml'),
      load('contracts/crmcom/invoices_update.yaml'),
    ]);
  });
  const ACTION = 'http://eBizCharge.ServiceModel.SOAP/IeBizService/UpdateInvoice';

  it('has nothing to say about SOAPAction on a contract that documents none (JSON, REST)', () => {
    expect(soapActionViolations(crm, 'anything')).toEqual([]);
    expect(soapActionViolations(ix, undefined)).toEqual([]);
  });

  it('warns on the bare URI, with surrounding spaces too, and says how to send it', () => {
    for (const received of [ACTION, ` ${ACTION} `]) {
      const [v] = soapActionViolations(ebiz, received);
      expect(v, received).toMatchObject({ rule: 'soapaction', path: 'header soapaction', severity: 'warning', params: { unquoted: true } });
      expect(v?.message).toContain(`Received: SOAPAction ${JSON.stringify(received)} / Documented: SOAPAction ${JSON.stringify(`"${ACTION}"`)}. Quote it as documented.`);
    }
  });

  it('fails a lone quote character rather than reading it as an empty quoted value', () => {
    expect(soapActionViolations(ebiz, '"')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(soapActionViolations(centra, '"')).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('warns on a missing or empty SOAPAction where the service reads the body element (Centra), saying so', () => {
    for (const received of [undefined, '', '""', '  ']) {
      const [v] = soapActionViolations(centra, received);
      expect(v, String(received)).toMatchObject({ severity: 'warning', params: { missing: true } });
      expect(v?.message, String(received)).toContain('Send it as documented.');
    }
    expect(soapActionViolations(centra, undefined)[0]?.message).toContain('Received: no SOAPAction header / Documented:');
  });

  it('fails a wrong SOAPAction with the fix, where the service routes on it', () => {
    const [v] = soapActionViolations(ebiz, '"urn:other"');
    expect(v).toMatchObject({ rule: 'soapaction', path: 'header soapaction', severity: 'error' });
    expect(v?.params).toBeUndefined();
    expect(v?.message).toContain('Received: SOAPAction "\\"urn:other\\"" / Documented:');
    expect(v?.message).toContain('Send the SOAPAction exactly as documented; the service routes on it.');
  });

  it('accepts the documented media type with other parameters or case, and names the received one otherwise', () => {
    expect(contentTypeViolations(ebiz, 'TEXT/XML')).toEqual([]);
    expect(contentTypeViolations(crm, 'application/json')).toEqual([]);
    const [none] = contentTypeViolations(ebiz, undefined);
    expect(none).toMatchObject({ rule: 'content-type', path: 'header content-type', severity: 'error' });
    expect(none?.message).toBe('Received: no Content-Type header / Documented: "text/xml; charset=utf-8". Send the documented media type.');
    const [accepted] = contentTypeViolations(ix, 'text/xml; charset=utf-8');
    expect(accepted).toMatchObject({ rule: 'content-type', path: 'header content-type', severity: 'warning' });
    expect(accepted?.message).toContain('Received: Content-Type "text/xml; charset=utf-8" / Documented: "application/xml; charset=utf-8". Send the documented media type.');
    expect(accepted?.message).toContain("the vendor's stack reads text/xml as application/xml");
    // Centra documents no other accepted type: application/xml is an error there.
    expect(contentTypeViolations(centra, 'application/xml')).toEqual([expect.objectContaining({ severity: 'error' })]);
  });
});
