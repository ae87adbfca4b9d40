import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../../src/contract/create-ajv.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { createRequestLog } from '../../../src/runner/received/request-log.ts';
import { receivedSummary } from '../../../src/runner/received/received-summary.ts';
import { renderJson } from '../../../reporters/index.ts';
import { RECEIVED_REQUEST_CHECKS } from '../../../suites/received-request-checks.ts';
import { repoPath } from '../../helpers/paths.ts';

const contracts = await loadAllContracts([repoPath('contracts/crmcom')]);
// The crmcom folder also holds the authentication_token probe contract: take the update contract by its id.
const crmcom = contracts.find((l) => l.contract.id === 'crmcom/invoices_update')?.contract;
const validate = createAjv().compile(JSON.parse(await readFile(repoPath('reporters/json-report.schema.json'), 'utf8')) as object);
const OK = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":{"code":"OK","message":"","description":""},"data":{"id":"A"}}' };
const request = (reference: unknown) => ({ method: 'POST', url: 'http://127.0.0.1:1/crmapi/rest/v2/invoices/update', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'secret-token-123', invoice_identifier: { reference_number: reference } }) });
const summarize = (log: ReturnType<typeof createRequestLog>) => receivedSummary(log.entries(), { tool: { name: 't', version: '0' }, target: 'simulate', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, contracts });

describe('receivedSummary', () => {
  if (crmcom === undefined) throw new Error('no crmcom contract');

  it('is not ok when no request arrived: nothing was shown to conform', () => {
    const summary = summarize(createRequestLog({ checks: RECEIVED_REQUEST_CHECKS }));
    expect(summary.ok).toBe(false);
    expect(summary.warnings[0]?.message).toMatch(/No request was received/);
  });

  it('is ok for conforming requests and renders to the published JSON report schema', async () => {
    const log = createRequestLog({ checks: RECEIVED_REQUEST_CHECKS });
    await log.record(crmcom, request('1013'), OK);
    const summary = summarize(log);
    expect(summary.ok).toBe(true);
    expect(summary.totals.passed).toBeGreaterThan(0);
    expect(validate(JSON.parse(renderJson(summary)))).toBe(true);
  });

  it('fails on a request with a number where a string belongs, with the secret it sent redacted', async () => {
    const log = createRequestLog({ checks: RECEIVED_REQUEST_CHECKS });
    await log.record(crmcom, request(1013), OK);
    const summary = summarize(log);
    expect(summary.ok).toBe(false);
    expect(summary.results.find((r) => r.state === 'failed')?.check).toBe('request.schema');
    expect(validate(JSON.parse(renderJson(summary)))).toBe(true);
    expect(JSON.stringify(log.entries())).not.toContain('secret-token-123');
  });
});
