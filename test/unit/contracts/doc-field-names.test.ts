import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import { shippedContract } from '../behaviours/recorded-exchange.ts';
import { contractNames, SKIP_WITHOUT_DOCS, hasFieldPath, jsonKeyPairs, section, SOAP_ENVELOPE, unique, vendorDoc, xmlElementPairs, type NamePair } from './vendor-doc-names.ts';

/** Where a vendor doc names fields: its example request(s) and its parameter table. */
interface DocNames {
  readonly contract: string;
  readonly doc: string;
  /** Each element (XML) or key (JSON) of the doc's example request(s), with its parent. */
  readonly example: (text: string) => NamePair[];
  /** The parameter table's entries as paths: InvoiceXpress "client / email" is ['client', 'email']. */
  readonly parameters: (text: string) => string[][];
  /** A few names each extraction must find, so that a change of the doc's layout cannot make the test vacuous. */
  readonly sample: { readonly example: readonly string[]; readonly parameters: readonly string[] };
}

const all = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1] ?? '');

/** The JSON body of each CRM.COM example request (between "Body:" and "Response:"). */
function crmcomRequestBodies(text: string): string[] {
  return text
    .split('Request:')
    .slice(1)
    .map((example) => section(example, 'Body:', 'Response:'))
    .map((body) => body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1));
}

const DOCS: readonly DocNames[] = [
  {
    contract: 'centra/invoices_Update',
    doc: 'centra-invoices_Update.txt',
    example: (text) => xmlElementPairs(section(text, 'Request:', 'Response:')),
    // "Parameters: invoices: Array of invoice objects."
    parameters: (text) => all(text, /^Parameters: (\w+):/gm).map((n) => [n]),
    sample: { example: ['login', 'invoiceitem', 'ecvatno', 'locked'], parameters: ['invoices'] },
  },
  {
    contract: 'ebizcharge/UpdateInvoice',
    doc: 'ebizcharge-UpdateInvoice.txt',
    example: (text) => xmlElementPairs(section(text, 'Example Request', 'var client')),
    // The Arguments table (Type, Name, Req., Description) and its Required / Recommended Fields lists.
    parameters: (text) => {
      const table = section(text, 'Arguments', 'Return Value');
      return unique([...all(table, /^(?:SecurityToken|Invoice|string)\n\n(\w+)\n\n(?:R|D|D\/S)\n/gm), ...all(table, /^\s*•\s*(\w+)/gm)]).map((n) => [n]);
    },
    sample: { example: ['securityToken', 'EbizCustomField', 'invoiceInternalId'], parameters: ['securityToken', 'invoiceInternalId', 'TotalShippingAmount', 'IsDefault', 'InvoiceShipDate'] },
  },
  {
    contract: 'opsplanning/UpdateInvoicePaymentStatus',
    doc: 'opsplanning-UpdateInvoicePaymentStatus.txt',
    example: (text) => xmlElementPairs(section(text, 'Request Usage Example(s)', '\nResponse\n')),
    // Rows "InvoiceNumber | String(20) | yes | …" of the request and response tables.
    parameters: (text) => unique(all(text, /^(\w+) \| (?:String|Boolean|string)\b/gm)).map((n) => [n]),
    sample: { example: ['OpsAuthenticationHeader', 'Parameters', 'PaymentComment'], parameters: ['InvoiceNumber', 'InvoiceTimestamp'] },
  },
  {
    contract: 'invoicexpress/invoices.update',
    doc: 'invoicexpress-invoices.update.txt',
    example: (text) => xmlElementPairs(section(text, 'Example xml to be submitted with the updated invoice data:', '\nParameters\n')),
    // Parameter names are the lower-case lines of the Parameters section; "client / email" is email under client.
    parameters: (text) => all(section(text, 'Parameters are the data you will pass with the call.', 'Return Values'), /^([a-z][a-z_\- /]*[a-z])$/gm).map((n) => n.split(' / ')),
    sample: { example: ['unit_price', 'fiscal_id', 'tax'], parameters: ['api_key', 'invoice-id', 'client / email', 'item / tax / name'] },
  },
  {
    contract: 'crmcom/invoices_update',
    doc: 'crmcom-invoices_update.txt',
    example: (text) => crmcomRequestBodies(text).flatMap(jsonKeyPairs),
    // Parameter names are the lower-case lines of the table ("invoice_item_setSet of Invoice Item objects" keeps its name).
    parameters: (text) => unique(all(section(text, '\nParameters\n', 'Referred Parameters Objects Data'), /^([a-z][a-z0-9_]*)(?=[A-Z]|$)/gm)).map((n) => [n]),
    sample: { example: ['invoice_item_identifier', 'vat_rate_identifier', 'udf_float_8'], parameters: ['token', 'member_accounts_receivable_identifier', 'invoice_item_set', 'udf_date_4', 'fields_set'] },
  },
];

/**
 * Names the doc shows that the contract leaves out on purpose, each with the finding that explains why
 * (contract → doc name → finding id).
 */
const DELIBERATE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // crmcom udf_float_5..8 are declared now, with `accepted` (finding crmcom.udf-float-5-8): the doc's Example 1 sends them.
  'invoicexpress/invoices.update': { 'due date': 'invoicexpress.due-date-name' },
};

const NEEDS_DOCS = !SKIP_WITHOUT_DOCS ? '' : ' [skipped: ../shared/vendor-docs/ is not beside the repository]';

/** The names of an example, without the SOAP envelope. */
function exampleNames(pairs: readonly NamePair[]): string[] {
  return unique(pairs.map(([, child]) => child).filter((n) => !SOAP_ENVELOPE.has(n)));
}

describe.each(DOCS)('the $contract contract declares every field its vendor doc names', (entry) => {
  let contract: Contract;
  let text: string;
  const deliberate = DELIBERATE[entry.contract] ?? {};
  beforeAll(async () => {
    contract = await shippedContract(entry.contract);
    if (!SKIP_WITHOUT_DOCS) text = vendorDoc(entry.doc);
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`finds the names of ${entry.doc}'s example request and parameter table${NEEDS_DOCS}`, () => {
    expect(exampleNames(entry.example(text))).toEqual(expect.arrayContaining([...entry.sample.example]));
    expect(entry.parameters(text).map((p) => p.join(' / '))).toEqual(expect.arrayContaining([...entry.sample.parameters]));
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`declares every element or key of the example request${NEEDS_DOCS}`, () => {
    const declared = contractNames(contract);
    expect(exampleNames(entry.example(text)).filter((name) => !declared.has(name) && deliberate[name] === undefined)).toEqual([]);
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`nests every element or key of the example request under the parent the contract declares${NEEDS_DOCS}`, () => {
    const topLevel = new Set([...contract.request.fields, ...(contract.request.header ?? [])].map((f) => f.name));
    const atTop = (parent: string): boolean => parent === '' || SOAP_ENVELOPE.has(parent) || parent === contract.request.element;
    const misplaced = entry.example(text).filter(([parent, child]) => {
      if (SOAP_ENVELOPE.has(child) || child === contract.request.element || deliberate[child] !== undefined) return false;
      return atTop(parent) ? !topLevel.has(child) : !hasFieldPath(contract, [parent, child]);
    });
    expect(misplaced.map(([parent, child]) => `${parent}/${child}`)).toEqual([]);
  });

  it.skipIf(SKIP_WITHOUT_DOCS)(`declares every parameter of the table, "a / b" as b under a${NEEDS_DOCS}`, () => {
    const declared = contractNames(contract);
    const missing = entry.parameters(text).filter((path) => {
      if (deliberate[path.join(' / ')] !== undefined) return false;
      return path.length === 1 ? !declared.has(path[0] ?? '') : !hasFieldPath(contract, path);
    });
    expect(missing.map((p) => p.join(' / '))).toEqual([]);
  });
});

describe.each(Object.entries(DELIBERATE).map(([contract, names]) => ({ contract, names, doc: DOCS.find((d) => d.contract === contract) })))(
  'the $contract contract leaves out only names its doc shows, each explained by a finding',
  ({ contract: id, names, doc }) => {
    it.skipIf(SKIP_WITHOUT_DOCS).each(Object.entries(names))(`%s: not declared, in the doc, explained by finding %s${NEEDS_DOCS}`, async (name, finding) => {
      if (doc === undefined) throw new Error(`no doc extraction for ${id}`);
      const contract = await shippedContract(id);
      const text = vendorDoc(doc.doc);
      expect([...exampleNames(doc.example(text)), ...doc.parameters(text).map((p) => p.join(' / '))], `${name} is no longer in ${doc.doc}`).toContain(name);
      expect(contractNames(contract), `${name} is declared now: drop it from DELIBERATE`).not.toContain(name);
      const explained = (contract.findings ?? []).find((f) => f.id === finding);
      expect(explained, `finding ${finding}`).toBeDefined();
      expect(`${explained?.title ?? ''} ${explained?.location ?? ''} ${explained?.evidence ?? ''}`).toContain(name);
    });
  },
);
