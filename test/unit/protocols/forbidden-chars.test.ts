import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { parseXml } from '../../../src/codec/xml/parse-xml.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';

const load = async (file: string): Promise<Contract> => (await loadValidContract(repoPath(file))).contract;
const build = (contract: Contract, input: unknown) =>
  buildRequest(contract, input, { baseUrl: contract.transport.replayBaseUrl, credentials: exampleCredentials(contract) });

describe('buildRequest refuses characters the wire format cannot carry', () => {
  let centra: Contract;
  let invoicexpress: Contract;
  let crmcom: Contract;
  beforeAll(async () => {
    centra = await load('contracts/centra/invoices_Update.yaml');
    invoicexpress = await load('contracts/invoicexpress/invoices.update.yaml');
    crmcom = await load('contracts/crmcom/invoices_update.yaml');
  });

  for (const [ch, code] of [['\u0000', 'U+0000'], ['\u0008', 'U+0008'], ['\uFFFF', 'U+FFFF'], ['\uDBFF', 'U+DBFF']] as const) {
    it(`names the SOAP field that holds ${code} and keeps the envelope well-formed`, () => {
      const built = build(centra, { invoice: { id: `10${ch}01` } });
      const refused = built.violations.filter((v) => v.rule === 'forbidden-char');
      expect(refused).toHaveLength(1);
      expect(refused[0]?.path).toBe('/invoices/invoice/0/id');
      expect(refused[0]?.message).toContain(code);
      expect(parseXml(built.request.body).ok).toBe(true);
      expect(built.request.body).not.toContain(ch);
    });
  }

  it('refuses a lone surrogate in the InvoiceXpress path parameter instead of throwing URIError', () => {
    const built = build(invoicexpress, { invoice: { id: '10\uD800' } });
    expect(built.violations).toContainEqual(expect.objectContaining({ rule: 'forbidden-char', path: '/path/invoice-id' }));
    expect(built.request.url).toContain('/invoices/10%EF%BF%BD.xml');
  });

  it('accepts tab, newline, markup characters and non-BMP text as they are', () => {
    const built = build(centra, { invoice: { id: '1' }, notes: 'a\tb\n<c> & "d" \uD83D\uDE00 ]]>' });
    expect(built.violations.filter((v) => v.rule === 'forbidden-char')).toEqual([]);
  });

  it('lets JSON carry a C0 control (escaped) but refuses a lone surrogate', () => {
    const control = build(crmcom, { invoice: { id: 'a\u0001' } });
    expect(control.violations.filter((v) => v.rule === 'forbidden-char')).toEqual([]);
    const surrogate = build(crmcom, { invoice: { id: 'a\uDC00' } });
    expect(surrogate.violations.filter((v) => v.rule === 'forbidden-char').map((v) => v.message)).toEqual([expect.stringContaining('U+DC00')]);
  });
});
