import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/contract/load-contract.ts';
import { issuedSecrets } from '../../../src/recording/issued-secrets.ts';
import { redactExchange } from '../../../src/recording/redact-exchange.ts';
import { repoPath } from '../../helpers/paths.ts';

const TOKEN = '0123456789ABCDEF0123456789ABCDEF';

describe('credentials a vendor issues in a response', () => {
  it('are found at the fields the documented response marks secret (CRM.COM login token) and redacted', async () => {
    const loaded = await loadContract(repoPath('contracts/crmcom/authentication_token.yaml'));
    if (!loaded.ok) throw new Error('contract');
    const contract = loaded.value.contract;
    const response = { status: 200, headers: { 'content-type': 'application/json' }, body: readFileSync(repoPath('test/fixtures/probe/crmcom-token-issued.json'), 'utf8') };
    expect(issuedSecrets(contract, response)).toEqual([TOKEN]);
    const request = { method: 'POST', url: 'https://crm.example/crmapi/rest/v2/authentication/token', headers: {}, body: '{}' };
    const redacted = redactExchange(contract, { request, response, durationMs: 1 }, issuedSecrets(contract, response));
    expect(redacted.exchange.response.body).not.toContain(TOKEN);
    expect(redacted.redactions).toContain('response-body');
  });

  it('are none in a refusal, which carries no secret field', async () => {
    const loaded = await loadContract(repoPath('contracts/crmcom/authentication_token.yaml'));
    if (!loaded.ok) throw new Error('contract');
    const response = { status: 200, headers: {}, body: readFileSync(repoPath('test/fixtures/probe/crmcom-generic-error.json'), 'utf8') };
    expect(issuedSecrets(loaded.value.contract, response)).toEqual([]);
  });
});
