import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { fieldsToSchema } from '../../../src/protocols/shared/fields-to-schema.ts';
import { validateSchema } from '../../../src/protocols/shared/validate-schema.ts';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';

/** Validate against the schema of fresh fields (validateSchema caches by key object and content). */
function check(fields: readonly FieldSpec[], data: unknown) {
  const key = [...fields];
  return validateSchema(key, () => fieldsToSchema(key, 'xml'), data);
}

describe('survivors of the protocols mutation run', () => {
  let crm: Contract;
  let ix: Contract;
  beforeAll(async () => {
    crm = (await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml'))).contract;
    ix = (await loadValidContract(repoPath('contracts/invoicexpress/invoices.update.yaml'))).contract;
  });

  it('names a field whose name ends or starts with digits (CRM.COM udf_string_1), and skips only list indexes', () => {
    expect(check([{ name: 'udf_string_1', type: 'string' }], { udf_string_1: 5 })[0]?.message).toBe('Received: 5 / Documented: udf_string_1 must be string.');
    expect(check([{ name: '2nd', type: 'string' }], { '2nd': 5 })[0]?.message).toBe('Received: 5 / Documented: 2nd must be string.');
    const items = Array.from({ length: 12 }, (_, i) => (i === 11 ? 7 : 'x'));
    const [v] = check([{ name: 'code', type: 'string', repeated: true }], { code: items });
    expect(v).toMatchObject({ path: '/code/11', message: 'Received: 7 / Documented: code must be string.' });
  });

  it('gives decimals no implicit xs:int bound on either side', () => {
    expect(check([{ name: 'd', type: 'decimal' }], { d: '-99999999999.5' })).toEqual([]);
  });

  it('sends no SOAPAction header where the contract documents none (JSON)', () => {
    const built = buildRequest(crm, { invoice: { id: '1' } }, { baseUrl: 'https://crm.test', credentials: exampleCredentials(crm) });
    expect(Object.keys(built.request.headers)).toEqual(['content-type']);
  });

  it('tests a `matches` pattern on text only, never on the text form of an object', () => {
    const c: Contract = { ...ix, responses: [{ name: 'pattern', match: { body: 'json', when: [{ path: 'e', matches: 'object' }] }, outcome: 'state_conflict' }] };
    const parsed = classifyResponse(c, { status: 422, headers: { 'content-type': 'application/json' }, body: '{"e":{"k":1}}' });
    expect(parsed.matched).toBeNull();
    expect(classifyResponse(c, { status: 422, headers: { 'content-type': 'application/json' }, body: '{"e":"an object"}' }).matched).toBe('pattern');
  });
});
