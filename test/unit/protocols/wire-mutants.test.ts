import { beforeAll, describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import type { XmlElement } from '../../../src/codec/xml/xml-element.ts';
import { soap11, SOAP11_NS, SOAP12_NS } from '../../../src/protocols/soap11.ts';
import { json } from '../../../src/protocols/json.ts';
import { xml } from '../../../src/protocols/xml.ts';
import type { MessageBody } from '../../../src/protocols/protocol.ts';
import { toXmlNodes, usesNil, XSI_NS } from '../../../src/protocols/shared/to-xml-nodes.ts';
import { acceptedFieldViolations } from '../../../src/protocols/shared/accepted-fields.ts';
import { checkPayloadElement } from '../../../src/protocols/shared/check-payload-element.ts';
import { xmlProblemToViolation } from '../../../src/protocols/shared/xml-problem.ts';
import { forbiddenCharViolations, refusedChar, replaceRefusedChars, withoutRefusedChars } from '../../../src/protocols/shared/forbidden-chars.ts';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

const load = async (file: string): Promise<Contract> => (await loadValidContract(repoPath(file))).contract;
const EBIZ_NS = 'http://eBizCharge.ServiceModel.SOAP';

/** The document element of an XML text (the test fails if it does not parse). */
function root(text: string): XmlElement {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
}

function xmlMessage(m: MessageBody): Extract<MessageBody, { kind: 'xml' }> {
  if (m.kind !== 'xml') throw new Error(`expected XML, got ${m.kind}`);
  return m;
}

describe('SOAP 1.1 envelopes (SOAP 1.1 sections 4.1 to 4.4)', () => {
  let ebiz: Contract;
  let ops: Contract;
  beforeAll(async () => {
    [ebiz, ops] = await Promise.all([load('contracts/ebizcharge/UpdateInvoice.yaml'), load('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml')]);
  });

  it('uses the SOAP 1.1 and 1.2 envelope namespaces of the specifications', () => {
    expect(SOAP11_NS).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    expect(SOAP12_NS).toBe('http://www.w3.org/2003/05/soap-envelope');
  });

  it('reads an empty or blank body as empty, and malformed or hostile XML as unreadable with its position', () => {
    expect(soap11.readMessage('')).toEqual({ kind: 'empty' });
    expect(soap11.readMessage(' \r\n\t')).toEqual({ kind: 'empty' });
    const broken = soap11.readMessage('<a>\n<b></a>');
    expect(broken.kind).toBe('unreadable');
    if (broken.kind === 'unreadable') expect(broken.problem).toMatchObject({ path: '/', severity: 'error', message: expect.stringMatching(/\(line \d+(, column \d+)?\)$/) });
    // SOAP 1.1 section 3: a SOAP message must not contain processing instructions.
    expect(soap11.readMessage(`<?pi x?><s:Envelope xmlns:s="${SOAP11_NS}"><s:Body/></s:Envelope>`).kind).toBe('unreadable');
  });

  it('reads the Body child as the payload and the Header, whatever the prefixes', () => {
    const m = xmlMessage(soap11.readMessage(`<e:Envelope xmlns:e="${SOAP11_NS}"><e:Header><h xmlns="urn:h"/></e:Header><e:Body><p:Op xmlns:p="urn:p"/></e:Body></e:Envelope>`));
    expect(m).toMatchObject({ fault: false, violations: [], root: { local: 'Envelope', ns: SOAP11_NS }, payload: { local: 'Op', ns: 'urn:p' }, header: { local: 'Header', ns: SOAP11_NS } });
    expect(xmlMessage(soap11.readMessage(`<e:Envelope xmlns:e="${SOAP11_NS}"><e:Body><p:Op xmlns:p="urn:p"/></e:Body></e:Envelope>`)).header).toBeUndefined();
  });

  it('refuses a root that is not the SOAP 1.1 Envelope, saying when it is SOAP 1.2', () => {
    const v12 = xmlMessage(soap11.readMessage(`<e:Envelope xmlns:e="${SOAP12_NS}"><e:Body/></e:Envelope>`));
    expect(v12).toMatchObject({ payload: undefined, header: undefined, fault: false });
    expect(v12.violations).toEqual([
      { rule: 'soap-envelope', path: '/Envelope', severity: 'error', message: `Received: <{${SOAP12_NS}}Envelope> (this is a SOAP 1.2 envelope) / Documented: a SOAP 1.1 <{${SOAP11_NS}}Envelope>.` },
    ]);
    const plain = xmlMessage(soap11.readMessage(`<Envelope xmlns="urn:x"><Body/></Envelope>`));
    expect(plain.violations[0]?.message).toBe(`Received: <{urn:x}Envelope> / Documented: a SOAP 1.1 <{${SOAP11_NS}}Envelope>.`);
    // The right namespace on another element is no envelope either.
    expect(xmlMessage(soap11.readMessage(`<s:Body xmlns:s="${SOAP11_NS}"/>`)).violations.map((v) => v.rule)).toEqual(['soap-envelope']);
  });

  it('requires exactly one Body, counting them', () => {
    const none = xmlMessage(soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Header/></s:Envelope>`));
    expect(none.payload).toBeUndefined();
    expect(none.violations).toEqual([expect.objectContaining({ rule: 'soap-envelope', path: '/Envelope/Body', message: expect.stringContaining('Received: an Envelope with no Body elements / Documented: a SOAP 1.1 Envelope has exactly one') })]);
    const two = xmlMessage(soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><a/></s:Body><s:Body><b/></s:Body></s:Envelope>`));
    expect(two.violations.map((v) => v.message)).toEqual([expect.stringContaining('Received: an Envelope with 2 Body elements')]);
    // A Body in another namespace is not a SOAP Body.
    const foreign = xmlMessage(soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><a/></s:Body><Body xmlns="urn:x"/></s:Envelope>`));
    expect(foreign.violations).toEqual([]);
  });

  it('recognises a Fault only in the SOAP namespace, and refuses anything beside it in the Body', () => {
    const fault = xmlMessage(soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><s:Fault><faultcode>s:Client</faultcode></s:Fault></s:Body></s:Envelope>`));
    expect(fault).toMatchObject({ fault: true, violations: [] });
    const notFault = xmlMessage(soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><Fault xmlns="urn:x"/></s:Body></s:Envelope>`));
    expect(notFault.fault).toBe(false);
    const otherFault = xmlMessage(soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><s:Other/></s:Body></s:Envelope>`));
    expect(otherFault.fault).toBe(false);
    const after = xmlMessage(soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><ok xmlns="urn:x"/><s:Fault/><more/></s:Body></s:Envelope>`));
    expect(after.fault).toBe(false);
    expect(after.violations).toEqual([
      expect.objectContaining({ rule: 'soap-fault', path: '/Envelope/Body/Fault', message: expect.stringContaining('Received: a Body with a Fault and 2 other element(s) / Documented: a SOAP 1.1 Fault must be the only element of the Body (SOAP 1.1 §4.4).') }),
    ]);
    const twoPayloads = xmlMessage(soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><a/><b/></s:Body></s:Envelope>`));
    expect(twoPayloads.violations).toEqual([]);
  });

  it('builds the envelope in the SOAP 1.1 namespace with the operation in the vendor namespace, under the contract prefix', () => {
    const body = soap11.serialize(ebiz, { body: { securityToken: { UserId: 'u' } } });
    const env = root(body);
    expect(env).toMatchObject({ ns: SOAP11_NS, local: 'Envelope' });
    expect(env.children.map((c) => [c.ns, c.local])).toEqual([[SOAP11_NS, 'Body']]);
    expect(env.children[0]?.children.map((c) => [c.ns, c.local])).toEqual([[EBIZ_NS, 'UpdateInvoice']]);
    expect(body).toContain(`<ebiz:UpdateInvoice`);
    expect(body).not.toContain(XSI_NS);
  });

  it('writes the Header the contract declares, and declares xsi only where a value is nil', () => {
    const body = soap11.serialize(ops, { header: { OpsAuthenticationHeader: { AccountName: null } }, body: { request: {} } });
    const env = root(body);
    expect(env.children.map((c) => c.local)).toEqual(['Header', 'Body']);
    expect(env.children[0]?.ns).toBe(SOAP11_NS);
    const account = env.children[0]?.children[0]?.children[0];
    expect(account?.attributes).toEqual([expect.objectContaining({ ns: XSI_NS, local: 'nil', value: 'true' })]);
    const nilInBody = soap11.serialize(ebiz, { body: { securityToken: null } });
    expect(root(nilInBody).children[0]?.children[0]?.children[0]?.attributes).toEqual([expect.objectContaining({ ns: XSI_NS, local: 'nil' })]);
    // Without a prefix in the contract the builder picks one; the element is still in the vendor namespace.
    const unprefixed: Contract = { ...ebiz, prefix: undefined } as unknown as Contract;
    expect(root(soap11.serialize(unprefixed, { body: {} })).children[0]?.children[0]).toMatchObject({ ns: EBIZ_NS, local: 'UpdateInvoice' });
  });

  it('decodes a request back into its header and body, naming what is not a SOAP envelope', () => {
    const built = soap11.serialize(ops, { header: { OpsAuthenticationHeader: { AccountName: 'a' } }, body: { request: { Parameters: { InvoiceNumber: '7' } } } });
    const decoded = soap11.decodeRequest(ops, soap11.readMessage(built));
    expect(decoded).toEqual({ header: { OpsAuthenticationHeader: { AccountName: 'a' } }, body: { request: { Parameters: { InvoiceNumber: '7' } } }, violations: [] });
    expect(soap11.decodeRequest(ops, soap11.readMessage(''))).toEqual({ body: null, violations: [expect.objectContaining({ rule: 'soap-envelope', path: '/', message: 'Received: an empty body / Documented: a SOAP 1.1 envelope.' })] });
    expect(soap11.decodeRequest(ops, json.readMessage('{}')).violations[0]?.message).toBe('Received: JSON / Documented: a SOAP 1.1 envelope.');
    const unreadable = soap11.readMessage('<a>');
    expect(soap11.decodeRequest(ops, unreadable).violations).toEqual([unreadable.kind === 'unreadable' ? unreadable.problem : undefined]);
  });

  it('keeps envelope violations, reports a wrong operation element, and has no body without a Body', () => {
    const wrongOp = soap11.decodeRequest(ebiz, soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><e:AddInvoice xmlns:e="${EBIZ_NS}"/></s:Body></s:Envelope>`));
    expect(wrongOp.violations).toEqual([expect.objectContaining({ rule: 'operation-element', path: '/AddInvoice', params: { expected: EBIZ_NS, received: EBIZ_NS } })]);
    const wrongNs = soap11.decodeRequest(ebiz, soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><UpdateInvoice/></s:Body></s:Envelope>`));
    expect(wrongNs.violations.map((v) => v.rule)).toEqual(['namespace']);
    const noBody = soap11.decodeRequest(ebiz, soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"/>`));
    expect(noBody).toEqual({ body: null, violations: [expect.objectContaining({ rule: 'soap-envelope', path: '/Envelope/Body' })] });
    expect(noBody).not.toHaveProperty('header');
    // A header sent to a contract that declares none is not decoded.
    const extraHeader = soap11.decodeRequest(ebiz, soap11.readMessage(`<s:Envelope xmlns:s="${SOAP11_NS}"><s:Header><x/></s:Header><s:Body><e:UpdateInvoice xmlns:e="${EBIZ_NS}"/></s:Body></s:Envelope>`));
    expect(extraHeader).toEqual({ body: {}, violations: [] });
  });
});

describe('plain XML (REST) and JSON bodies', () => {
  let ix: Contract;
  let list: Contract;
  let crm: Contract;
  beforeAll(async () => {
    [ix, list, crm] = await Promise.all([load('contracts/invoicexpress/invoices.update.yaml'), load('contracts/invoicexpress/invoices.list.yaml'), load('contracts/crmcom/invoices_update.yaml')]);
  });

  it('writes the document element in no namespace without declaring one, with xsi only where a value is nil', () => {
    const body = xml.serialize(ix, { body: { reference: 'PO-1' } });
    expect(root(body)).toMatchObject({ ns: '', local: 'invoice', children: [{ ns: '', local: 'reference', text: 'PO-1' }] });
    expect(body).not.toContain('xmlns');
    const nil = xml.serialize(ix, { body: { reference: null } });
    expect(root(nil).children[0]?.attributes).toEqual([expect.objectContaining({ ns: XSI_NS, local: 'nil', value: 'true' })]);
    const namespaced = xml.serialize({ ...ix, namespace: 'urn:v', prefix: 'v' } as Contract, { body: {} });
    expect(namespaced).toContain('<v:invoice');
    expect(root(namespaced).ns).toBe('urn:v');
    expect(root(xml.serialize({ ...ix, namespace: 'urn:v', prefix: undefined } as unknown as Contract, { body: {} })).ns).toBe('urn:v');
  });

  it('sends no body for a request without a document element (a GET), and expects none back', () => {
    expect(xml.serialize(list, { body: {} })).toBe('');
    expect(xml.decodeRequest(list, xml.readMessage(''))).toEqual({ body: {}, violations: [] });
    expect(xml.decodeRequest(list, xml.readMessage('<invoice/>'))).toEqual({ body: {}, violations: [expect.objectContaining({ rule: 'xml-body', path: '/', message: 'Received: a xml body / Documented: no body.' })] });
    expect(xml.decodeRequest(list, xml.readMessage('<a>')).violations[0]?.message).toBe('Received: an unreadable body / Documented: no body.');
  });

  it('reads JSON error bodies on the XML endpoint as JSON, and processing instructions as legal XML', () => {
    expect(xml.readMessage('  {"errors":[]}')).toEqual({ kind: 'json', value: { errors: [] } });
    expect(xml.readMessage('\n[1]')).toEqual({ kind: 'json', value: [1] });
    expect(xml.readMessage(' \n')).toEqual({ kind: 'empty' });
    const pi = xml.readMessage('<?xml-stylesheet href="a"?><invoice/>');
    expect(pi).toMatchObject({ kind: 'xml', root: { local: 'invoice' }, payload: { local: 'invoice' }, header: undefined, fault: false, violations: [] });
    expect(xml.readMessage('<invoice>').kind).toBe('unreadable');
  });

  it('decodes an XML request, naming a wrong document element and what is not XML', () => {
    expect(xml.decodeRequest(ix, xml.readMessage('<invoice><reference>x</reference></invoice>'))).toEqual({ body: { reference: 'x' }, violations: [] });
    expect(xml.decodeRequest(ix, xml.readMessage('<invoices/>')).violations).toEqual([expect.objectContaining({ rule: 'root-element', path: '/invoices' })]);
    expect(xml.decodeRequest(ix, xml.readMessage(''))).toEqual({ body: null, violations: [expect.objectContaining({ rule: 'xml-body', message: 'Received: an empty body / Documented: an XML <invoice> document.' })] });
    expect(xml.decodeRequest(ix, xml.readMessage('{}')).violations[0]?.message).toBe('Received: a non-XML body / Documented: an XML <invoice> document.');
    const bad = xml.readMessage('<invoice>');
    expect(xml.decodeRequest(ix, bad)).toEqual({ body: null, violations: [bad.kind === 'unreadable' ? bad.problem : undefined] });
  });

  it('writes decimal and integer fields as JSON numbers and keeps everything else as mapped', () => {
    const fields: FieldSpec[] = [
      { name: 'price', type: 'decimal' },
      { name: 'count', type: 'integer', repeated: true },
      { name: 'code', type: 'string' },
      { name: 'blank', type: 'decimal' },
      { name: 'word', type: 'decimal' },
      { name: 'nested', type: 'object', fields: [{ name: 'n', type: 'integer' }] },
    ];
    const contract = { ...crm, request: { ...crm.request, fields } } as Contract;
    const out = JSON.parse(json.serialize(contract, { body: { price: '12.50', count: ['1', '2'], code: '007', blank: ' ', word: 'abc', nested: { n: '3' }, extra: '4' } }));
    expect(out).toEqual({ price: 12.5, count: [1, 2], code: '007', blank: ' ', word: 'abc', nested: { n: 3 }, extra: '4' });
    expect(json.serialize(contract, { body: { code: 'x' } })).toBe('{\n  "code": "x"\n}');
  });

  it('reads and decodes JSON, naming a body that is not JSON', () => {
    expect(json.readMessage('\t')).toEqual({ kind: 'empty' });
    const dup = json.readMessage('{"a":1,"a":2}');
    expect(dup).toMatchObject({ kind: 'unreadable', problem: { path: '/', severity: 'error' } });
    expect(json.decodeRequest(crm, json.readMessage('{"a":1}'))).toEqual({ body: { a: 1 }, violations: [] });
    expect(json.decodeRequest(crm, dup)).toEqual({ body: null, violations: [dup.kind === 'unreadable' ? dup.problem : undefined] });
    expect(json.decodeRequest(crm, json.readMessage(''))).toEqual({ body: null, violations: [expect.objectContaining({ rule: 'json-body', path: '/', message: 'Received: an empty body / Documented: a JSON object.' })] });
    expect(json.decodeRequest(crm, xml.readMessage('<a/>')).violations[0]?.message).toBe('Received: XML / Documented: a JSON object.');
  });
});

describe('shared XML helpers', () => {
  it('builds elements in field order, in each field namespace, repeating arrays and marking nulls xsi:nil', () => {
    const fields: FieldSpec[] = [
      { name: 'a', type: 'string' },
      { name: 'b', type: 'string', namespace: 'urn:b', attributes: { type: 'array' } },
      { name: 'o', type: 'object', fields: [{ name: 'c', type: 'integer' }] },
    ];
    expect(toXmlNodes(fields, { o: { c: 1 }, b: ['x', null], a: 'y', z: 'ignored' }, 'urn:a')).toEqual([
      { ns: 'urn:a', local: 'a', attributes: {}, text: 'y' },
      { ns: 'urn:b', local: 'b', attributes: { type: 'array' }, text: 'x' },
      { ns: 'urn:b', local: 'b', attributes: { type: 'array', 'xsi:nil': 'true' } },
      { ns: 'urn:a', local: 'o', attributes: {}, children: [{ ns: 'urn:a', local: 'c', attributes: {}, text: '1' }] },
    ]);
    expect(toXmlNodes(fields, 'text', 'urn:a')).toEqual([]);
    expect(toXmlNodes(fields, undefined, 'urn:a')).toEqual([]);
  });

  it('finds a null anywhere in a payload, and nothing in one without', () => {
    expect(usesNil(null)).toBe(true);
    expect(usesNil({ a: { b: [1, null] } })).toBe(true);
    expect(usesNil({ a: { b: [1, 'x'] }, c: '' })).toBe(false);
    expect(usesNil(undefined)).toBe(false);
    expect(usesNil([])).toBe(false);
    expect(XSI_NS).toBe('http://www.w3.org/2001/XMLSchema-instance');
  });

  it('checks the payload element by namespace URI and local name, telling a namespace slip from a wrong element', () => {
    expect(checkPayloadElement(root('<p:Op xmlns:p="urn:x"/>'), 'urn:x', 'Op', 'operation-element')).toEqual([]);
    expect(checkPayloadElement(root('<Op/>'), 'urn:x', 'Op', 'operation-element')).toEqual([
      {
        rule: 'namespace',
        path: '/Op',
        severity: 'error',
        message: 'Received: <Op> (no namespace) / Documented: <{urn:x}Op>. Prefixes do not matter; the namespace URI and name do.',
        params: { expected: 'urn:x', received: '' },
      },
    ]);
    expect(checkPayloadElement(root('<p:Other xmlns:p="urn:y"/>'), '', 'Op', 'root-element')[0]).toMatchObject({
      rule: 'root-element',
      path: '/Other',
      message: 'Received: <{urn:y}Other> / Documented: <Op> (no namespace). Prefixes do not matter; the namespace URI and name do.',
    });
  });

  it('gives an XML problem its line and column when known', () => {
    expect(xmlProblemToViolation({ rule: 'xml-malformed', message: 'Bad', line: 3, col: 7 })).toEqual({ rule: 'xml-malformed', path: '/', severity: 'error', message: 'Bad (line 3, column 7)' });
    expect(xmlProblemToViolation({ rule: 'xml-malformed', message: 'Bad', line: 3 }).message).toBe('Bad (line 3)');
    expect(xmlProblemToViolation({ rule: 'xml-malformed', message: 'Bad' }).message).toBe('Bad');
  });

  it('warns once per present field the reference does not list but the stack accepts, at every depth', () => {
    const fields: FieldSpec[] = [
      { name: 'udf', type: 'decimal', accepted: 'the doc examples send it' },
      { name: 'plain', type: 'string' },
      { name: 'items', type: 'object', repeated: true, fields: [{ name: 'extra', type: 'string', accepted: 'echoed' }] },
      { name: 'one', type: 'object', fields: [{ name: 'extra', type: 'string', accepted: 'echoed' }] },
    ];
    const out = acceptedFieldViolations(fields, { udf: 1, plain: 'x', items: [{}, { extra: 'e' }], one: { extra: 'e' } });
    expect(out.map((v) => [v.rule, v.path, v.severity])).toEqual([
      ['undocumented-field', '/udf', 'warning'],
      ['undocumented-field', '/items/1/extra', 'warning'],
      ['undocumented-field', '/one/extra', 'warning'],
    ]);
    expect(out[0]?.message).toBe("Received: udf / Documented: udf is not in the parameter list. Leave it out. Accepted by the vendor's stack: the doc examples send it");
    expect(acceptedFieldViolations(fields, { plain: 'x' })).toEqual([]);
    for (const notObject of [null, 'x', [{ udf: 1 }]]) expect(acceptedFieldViolations(fields, notObject)).toEqual([]);
  });

  it('finds an accepted field however deep it is declared, and none in a tree that declares none', () => {
    const deep: FieldSpec[] = [{ name: 'a', type: 'object', fields: [{ name: 'b', type: 'object', repeated: true, fields: [{ name: 'plain', type: 'string' }, { name: 'c', type: 'string', accepted: 'echoed' }] }] }];
    const data = { a: { b: [{ plain: 'p' }, { c: 'x' }, { c: 'y', plain: 'q' }] } };
    expect(acceptedFieldViolations(deep, data).map((v) => v.path)).toEqual(['/a/b/1/c', '/a/b/2/c']);
    const none: FieldSpec[] = [{ name: 'a', type: 'object', fields: [{ name: 'b', type: 'object', repeated: true, fields: [{ name: 'c', type: 'string' }] }] }];
    expect(acceptedFieldViolations(none, data)).toEqual([]);
  });
});

describe('characters a wire format cannot carry (XML 1.0 section 2.2 Char; well-formed UTF-16)', () => {
  it('finds the first refused character with its index, by policy', () => {
    expect(refusedChar('ab\u0001', 'xml')).toEqual({ index: 2, codePoint: 'U+0001' });
    expect(refusedChar('ab\u0001', 'unicode')).toBeUndefined();
    expect(refusedChar('a\uDC00b', 'unicode')).toEqual({ index: 1, codePoint: 'U+DC00' });
    expect(refusedChar('a\uD800', 'unicode')).toEqual({ index: 1, codePoint: 'U+D800' });
    expect(refusedChar('\uD83D\uDE00', 'unicode')).toBeUndefined();
    expect(refusedChar('\uDE00\uD83D', 'unicode')).toEqual({ index: 0, codePoint: 'U+DE00' });
  });

  it('replaces every refused character with U+FFFD, keeping tab, LF, CR and pairs', () => {
    expect(replaceRefusedChars('\u0000a\u000B\t\n\r\uFFFE\uFFFF\u001F\u0008\u000C\u000E', 'xml')).toBe('\uFFFDa\uFFFD\t\n\r\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD');
    expect(replaceRefusedChars('\uD800x\uDC00\uD83D\uDE00', 'xml')).toBe('\uFFFDx\uFFFD\uD83D\uDE00');
    expect(replaceRefusedChars('\u0001\uD800\uDFFF\uD800', 'unicode')).toBe('\u0001\uD800\uDFFF\uFFFD');
    expect(replaceRefusedChars('\uDC00\uDC00', 'unicode')).toBe('\uFFFD\uFFFD');
    expect(replaceRefusedChars(' \u0020\uE000\uFFFD', 'xml')).toBe(' \u0020\uE000\uFFFD');
  });

  it('names every string that holds one, by its path in the payload, and explains the rule of the policy', () => {
    const out = forbiddenCharViolations({ a: 'ok', b: ['x', 'y\u0002'], c: { d: '\uFFFE' }, n: 3, z: null }, 'xml', '/Header');
    expect(out.map((v) => v.path)).toEqual(['/Header/b/1', '/Header/c/d']);
    expect(out[0]).toEqual({
      rule: 'forbidden-char',
      path: '/Header/b/1',
      severity: 'error',
      params: { codePoint: 'U+0002' },
      message: 'Received: U+0002 at character 2 of the value / Documented: XML 1.0 allows no C0 control except tab, LF and CR, no U+FFFE/U+FFFF and no unpaired surrogate. Fix: remove it from the input.',
    });
    expect(forbiddenCharViolations('\uD800', 'unicode')[0]?.message).toBe('Received: U+D800 at character 1 of the value / Documented: text must be well-formed Unicode (no unpaired surrogate). Fix: remove it from the input.');
    expect(forbiddenCharViolations(undefined, 'xml')).toEqual([]);
  });

  it('cleans a whole payload without touching what is allowed', () => {
    expect(withoutRefusedChars({ a: ['x\u0000', 1, null], b: { c: '\uFFFF' }, d: true }, 'xml')).toEqual({ a: ['x\uFFFD', 1, null], b: { c: '\uFFFD' }, d: true });
    expect(withoutRefusedChars('\uD800', 'unicode')).toBe('\uFFFD');
    expect(withoutRefusedChars(null, 'xml')).toBeNull();
  });
});
