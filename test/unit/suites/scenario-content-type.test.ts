import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioExchange } from '../../../suites/scenarios/exchange.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { failingSubjects, violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, repoPath } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

const variant = (name: string): string => repoPath('test/fixtures/hostile/recordings', name);

describe('scenario.exchange checks the answer\'s Content-Type', () => {
  let original: ContractContext;
  let html: ContractContext;
  let missing: ContractContext;

  beforeAll(async () => {
    original = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    html = await prepareContract(CENTRA_CONTRACT, variant('content-type-html'));
    missing = await prepareContract(CENTRA_CONTRACT, variant('content-type-missing'));
  });

  it('passes when every answer comes as text/xml', () => {
    expect(violationsOf(scenarioExchange, original)).toEqual([]);
  });

  it('fails a valid SOAP answer served as text/html, naming the received and documented types', () => {
    expect(failingSubjects(scenarioExchange, html)).toEqual(['update-ok']);
    const [v] = violationsOf(scenarioExchange, html);
    expect(v).toMatchObject({ rule: 'content-type', path: '/headers/content-type' });
    expect(v?.message).toContain('Received: Content-Type "text/html; charset=utf-8" on an XML body / Documented: text/xml, application/xml');
  });

  it('fails a valid SOAP answer with no Content-Type at all', () => {
    expect(failingSubjects(scenarioExchange, missing)).toEqual(['update-ok']);
    expect(violationsOf(scenarioExchange, missing)[0]?.message).toContain('Received: no Content-Type');
  });
});
