import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import { requestXml } from '../../../src/check/request-identity.ts';
import { json } from '../../../src/protocols/json.ts';
import { soap11 } from '../../../src/protocols/soap11.ts';
import { xml } from '../../../src/protocols/xml.ts';
import type { Har } from '../../../src/recording/har.ts';
import { repoPath } from '../../helpers/paths.ts';

/** Request and response bodies of every shipped recording of a vendor folder. */
function bodiesOf(vendor: string): string[] {
  const dir = repoPath('recordings', vendor);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.har'));
  return files.flatMap((f) => {
    const har = JSON.parse(readFileSync(join(f.parentPath, f.name), 'utf8')) as Har;
    return har.log.entries.flatMap((e) => [e.request.postData?.text ?? '', e.response.content.text ?? '']);
  });
}

const fixture = (name: string): string => readFileSync(repoPath('test/fixtures/xml', name), 'utf8');

describe('readMessage with an already-parsed document', () => {
  it.each([
    ['soap11', soap11, ['centra', 'ebizcharge', 'opsplanning']],
    ['xml', xml, ['invoicexpress']],
  ] as const)('gives the same %s message for every shipped request and response as reading the body', (_name, protocol, vendors) => {
    const bodies = vendors.flatMap(bodiesOf).filter((b) => b.trimStart().startsWith('<'));
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      const parsed = requestXml(body);
      if (parsed === undefined) continue;
      expect(protocol.readMessage(body, parsed)).toEqual(protocol.readMessage(body));
    }
  });

  it('keeps the SOAP 1.1 envelope checks on a parsed SOAP 1.2 envelope', () => {
    const body = readFileSync(repoPath('test/fixtures/responses/centra/doc-result.soap12-envelope.xml'), 'utf8');
    const parsed = parseXml(body);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const message = soap11.readMessage(body, parsed.value);
    expect(message).toEqual(soap11.readMessage(body));
    expect(message.kind === 'xml' ? message.violations.map((v) => v.rule) : []).toEqual(['soap-envelope']);
  });

  it('reads the document it is given instead of parsing the body again', () => {
    const parsed = parseXml('<a:Envelope xmlns:a="http://schemas.xmlsoap.org/soap/envelope/"><a:Body><Other/></a:Body></a:Envelope>');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const body = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Mine/></s:Body></s:Envelope>';
    const message = soap11.readMessage(body, parsed.value);
    expect(message.kind === 'xml' ? message.payload?.local : message.kind).toBe('Other');
    expect((soap11.readMessage(body) as { payload?: { local: string } }).payload?.local).toBe('Mine');
  });

  it('still answers an empty body as empty and a JSON body as JSON, whatever document is given', () => {
    const parsed = parseXml('<x/>');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(soap11.readMessage('  ', parsed.value)).toEqual({ kind: 'empty' });
    expect(xml.readMessage('{"error":"x"}', parsed.value)).toEqual({ kind: 'json', value: { error: 'x' } });
    expect(json.readMessage('{"a":1}', parsed.value)).toEqual({ kind: 'json', value: { a: 1 } });
  });

  it('is never given a body with a processing instruction by contract matching, so plain XML still reads it', () => {
    const body = fixture('pi-stylesheet.xml');
    expect(requestXml(body)).toBeUndefined();
    expect(xml.readMessage(body).kind).toBe('xml');
    expect(soap11.readMessage(body).kind).toBe('unreadable');
  });
});
