import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest, type BuiltRequest } from '../../../src/protocols/build-request.ts';
import { checkBuiltRequest } from '../../../src/protocols/check-built-request.ts';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import { firstChild } from '../../../src/codec/xml/xml-element.ts';
import type { Contract } from '../../../src/types/contract.ts';
import type { Har } from '../../../src/recording/har.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, recordingsVariant } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const CENTRA = 'http://www.centra.com/webservices/';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The recorded request of `update-ok` in a recordings folder or variant (see test/fixtures/recordings/README.md). */
function recordedRequest(recordingsDir: string): { method: string; url: string; headers: Record<string, string>; body: string } {
  const har = readJson(`${recordingsDir}/centra/invoices_Update/update-ok.har`) as Har;
  const entry = har.log.entries[0];
  if (entry === undefined) throw new Error('no entry');
  const headers = Object.fromEntries(entry.request.headers.map((h) => [h.name, h.value]));
  return { method: entry.request.method, url: entry.request.url, headers, body: entry.request.postData?.text ?? '' };
}

describe('buildRequest for Centra', () => {
  let contract: Contract;
  const build = (input: unknown): BuiltRequest =>
    buildRequest(contract, input, { baseUrl: contract.transport.replayBaseUrl, credentials: exampleCredentials(contract) });

  beforeAll(async () => {
    ({ contract } = await loadValidContract(CENTRA_CONTRACT));
  });

  it('builds a body for every case that checkBuiltRequest accepts', () => {
    for (const c of contract.cases) {
      const built = build(c.input);
      expect({ case: c.name, violations: built.violations }).toEqual({ case: c.name, violations: [] });
      expect({ case: c.name, violations: checkBuiltRequest(contract, built.request) }).toEqual({ case: c.name, violations: [] });
    }
  });

  it('sends POST to the documented path with the documented content type and SOAPAction', () => {
    const { request } = build({ invoice: { id: '1' } });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://centra.replay.invalid/ams/system/service/module/soap/api');
    expect(request.headers).toEqual({ 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://www.centra.com/webservices/Invoices_Update"' });
  });

  it('puts invoices_Update in the Centra namespace inside a SOAP 1.1 Body', () => {
    const parsed = parseXml(build({ invoice: { id: '1' } }).request.body);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect([parsed.value.ns, parsed.value.local]).toEqual([SOAP11, 'Envelope']);
    const body = firstChild(parsed.value, SOAP11, 'Body');
    const operation = body === undefined ? undefined : firstChild(body, CENTRA, 'invoices_Update');
    expect(operation?.children.map((c) => [c.ns, c.local])).toEqual([
      [CENTRA, 'login'],
      [CENTRA, 'invoices'],
    ]);
  });

  it('builds the request of a case byte for byte as its recording holds it, apart from the redacted secret', () => {
    const input = contract.cases.find((c) => c.name === 'update-ok')?.input;
    const recorded = recordedRequest(CENTRA_RECORDINGS);
    expect(build(input).request.body).toBe(recorded.body.replace('[redacted]', 'demo'));
  });

  it('reports an input without invoice.id as a required violation, and the built body fails the contract too', () => {
    const built = build({ currency: 'EUR' });
    expect(built.violations).toEqual([expect.objectContaining({ rule: 'required', path: '/invoices/invoice/0/id' })]);
    expect(built.violations[0]?.message).toContain('Fix: set "invoice.id" in the input.');
    expect(checkBuiltRequest(contract, built.request)).toEqual([expect.objectContaining({ rule: 'required', path: '/invoices/invoice/0/id' })]);
  });
});

describe('checkBuiltRequest on recorded Centra requests', () => {
  let contract: Contract;
  beforeAll(async () => {
    ({ contract } = await loadValidContract(CENTRA_CONTRACT));
  });

  it('accepts the recorded update-ok request', () => {
    expect(checkBuiltRequest(contract, recordedRequest(CENTRA_RECORDINGS))).toEqual([]);
  });

  it('reports a child element outside the Centra namespace by URI', () => {
    expect(checkBuiltRequest(contract, recordedRequest(recordingsVariant('wrong-child-namespace')))).toEqual([
      expect.objectContaining({ rule: 'namespace', path: '/invoices/invoice/currency', params: { expected: CENTRA, received: '' } }),
    ]);
  });

  it('reports an operation element in another namespace URI even though its prefix is declared', () => {
    expect(checkBuiltRequest(contract, recordedRequest(recordingsVariant('wrong-operation-namespace')))).toEqual([
      expect.objectContaining({ rule: 'namespace', path: '/invoices_Update', params: { expected: CENTRA, received: 'http://www.centra.com/webservices' } }),
    ]);
  });

  it('reports a SOAP 1.2 envelope and validates nothing inside it', () => {
    const violations = checkBuiltRequest(contract, recordedRequest(recordingsVariant('request-soap12-envelope')));
    expect(violations.map((v) => v.rule)).toEqual(['soap-envelope']);
  });

  it('reports a request without the required id', () => {
    expect(checkBuiltRequest(contract, recordedRequest(recordingsVariant('request-missing-id')))).toEqual([expect.objectContaining({ rule: 'required', path: '/invoices/invoice/0/id' })]);
  });
});
