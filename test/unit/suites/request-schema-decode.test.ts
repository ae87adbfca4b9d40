import { beforeAll, describe, expect, it } from 'vitest';
import { requestSchema } from '../../../suites/request-building/request-schema.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { failingSubjects, violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, repoPath } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

const variant = (name: string): string => repoPath('test/fixtures/hostile/recordings', name);

describe('request.schema reports the XML decoder\'s field findings', () => {
  let withChildren: ContractContext;
  let repeated: ContractContext;
  let noAttribute: ContractContext;
  beforeAll(async () => {
    withChildren = await prepareContract(CENTRA_CONTRACT, variant('request-scalar-with-children'));
    repeated = await prepareContract(CENTRA_CONTRACT, variant('request-scalar-repeated'));
    noAttribute = await prepareContract(repoPath('contracts/invoicexpress/invoices.update.yaml'), variant('request-missing-attribute'));
  });

  it('fails a scalar field that holds child elements (type)', () => {
    expect(failingSubjects(requestSchema, withChildren)).toEqual(['update-ok']);
    expect(violationsOf(requestSchema, withChildren)).toContainEqual(expect.objectContaining({ rule: 'type', path: '/invoices/invoice/id' }));
  });

  it('fails a single-valued field given twice (repeated)', () => {
    expect(failingSubjects(requestSchema, repeated)).toEqual(['update-ok']);
    expect(violationsOf(requestSchema, repeated)).toContainEqual(expect.objectContaining({ rule: 'repeated', path: '/invoices/invoice/store' }));
  });

  it('fails an element without its documented constant attribute (attribute)', () => {
    expect(failingSubjects(requestSchema, noAttribute)).toEqual(['update-ok']);
    expect(violationsOf(requestSchema, noAttribute)).toContainEqual(expect.objectContaining({ rule: 'attribute', path: '/items/@type' }));
  });
});
