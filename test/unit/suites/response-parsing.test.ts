import { beforeAll, describe, expect, it } from 'vitest';
import { responseDocumented } from '../../../suites/response-parsing/documented.ts';
import { responseReadable } from '../../../suites/response-parsing/readable.ts';
import { responseSchema } from '../../../suites/response-parsing/response-schema.ts';
import type { CaseCheck, ContractContext } from '../../../suites/check.ts';
import { failingSubjects, violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../helpers/paths.ts';
import { prepareContract, prepareVariants } from '../../helpers/prepare-contract.ts';

const VARIANTS = ['response-truncated', 'response-status-changed', 'response-unexpected-element'] as const;
type Variant = (typeof VARIANTS)[number];

describe('response-parsing suite', () => {
  let original: ContractContext;
  let of: (name: Variant) => ContractContext;

  beforeAll(async () => {
    original = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    of = await prepareVariants(CENTRA_CONTRACT, VARIANTS);
  });

  it.each<CaseCheck>([responseReadable, responseDocumented, responseSchema])('$id passes on every recorded Centra response', (check) => {
    expect(violationsOf(check, original)).toEqual([]);
  });

  it('response.readable fails for a truncated response body', () => {
    expect(failingSubjects(responseReadable, of('response-truncated'))).toEqual(['update-ok']);
    expect(violationsOf(responseReadable, of('response-truncated'))).toEqual([expect.objectContaining({ rule: 'xml-malformed' })]);
  });

  it('response.documented fails for a response with an undocumented status, listing the documented responses', () => {
    const violations = violationsOf(responseDocumented, of('response-status-changed'));
    expect(violations).toEqual([expect.objectContaining({ rule: 'undocumented-response' })]);
    expect(violations[0]?.message).toContain('Received: HTTP 503 with <{http://www.centra.com/webservices/}result>');
    expect(violations[0]?.message).toContain('fault-server (HTTP 500 SOAP Fault)');
  });

  it('response.schema fails for a documented response carrying an undocumented element', () => {
    expect(failingSubjects(responseSchema, of('response-unexpected-element'))).toEqual(['update-ok-result-success']);
    expect(violationsOf(responseSchema, of('response-unexpected-element'))).toEqual([expect.objectContaining({ rule: 'unexpected-element', path: '/result/code' })]);
  });

  it('response.schema leaves an unclassified response to response.documented instead of reporting it twice', () => {
    expect(violationsOf(responseSchema, of('response-status-changed'))).toEqual([]);
  });
});
