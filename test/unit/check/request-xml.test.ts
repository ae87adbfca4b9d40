import { describe, expect, it } from 'vitest';
import { requestXml } from '../../../src/check/request-identity.ts';

const envelope = (id: string): string =>
  `<?xml version="1.0"?>\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><ns1:invoices_Update xmlns:ns1="http://www.centra.com/webservices/"><ns1:id>${id}</ns1:id></ns1:invoices_Update></soapenv:Body></soapenv:Envelope>`;

describe('requestXml', () => {
  it('reads a request body as its document element, and a body that is not XML as nothing', () => {
    expect(requestXml(envelope('1'))).toMatchObject({ local: 'Envelope', ns: 'http://schemas.xmlsoap.org/soap/envelope/' });
    expect(requestXml('{"a":1}')).toBeUndefined();
    expect(requestXml('<a><b></a>')).toBeUndefined();
  });

  it('gives a body that repeats the one before it the same tree, and any other body its own', () => {
    const first = requestXml(envelope('7'));
    expect(requestXml(envelope('7'))).toBe(first);
    const other = requestXml(envelope('8'));
    expect(other).not.toBe(first);
    expect(other?.children[0]?.children[0]?.children[0]?.text).toBe('8');
    expect(requestXml(envelope('7'))).toEqual(first);
  });
});
