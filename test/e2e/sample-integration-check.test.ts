import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAllContracts } from '../../src/cli/load-contracts.ts';
import { startSimulators } from '../../src/targets/simulate/start-simulators.ts';
import { loadSeed } from '../../src/targets/simulate/load-seed.ts';
import type { LoadedContract } from '../../src/types/contract.ts';
import { createSampleClient, parseEbizchargeResponse, runSampleIntegration, SAMPLE_INVOICE, type ParsedAnswer, type SampleClientOptions } from '../fixtures/sample-integration/index.ts';
import { createHarRecorder } from '../helpers/recording-proxy.ts';
import { repoPath } from '../helpers/paths.ts';
import { QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { findSecrets } from '../helpers/secret-scan.ts';

const CREDENTIALS: SampleClientOptions['credentials'] = {
  ebizcharge: { securityId: 'sim-security-id', userId: 'sim-user', password: 'sim-password' },
  invoicexpress: { apiKey: 'sim-api-key' },
  crmcom: { token: 'sim-token' },
};
const SECRET_VALUES = ['sim-security-id', 'sim-password', 'sim-api-key', 'sim-token'];

interface Report {
  readonly entries: ReadonlyArray<{ index: number; contract: string | null; state: string; outcome?: { outcome: string; vendorCode: string | null; message: string | null } }>;
  readonly results: ReadonlyArray<{ check: string; state: string; entry?: string; violations?: ReadonlyArray<{ rule: string; path: string; message: string; severity?: string; params?: Record<string, unknown> }> }>;
}

let contracts: LoadedContract[] = [];
let dir = '';

beforeAll(async () => {
  const ids = ['ebizcharge/UpdateInvoice', 'invoicexpress/invoices.update', 'crmcom/invoices_update'];
  contracts = (await loadAllContracts([repoPath('contracts')])).filter((l) => ids.includes(l.contract.id));
  dir = await mkdtemp(join(tmpdir(), 'sample-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Run the sample integration against the simulators through a recording proxy per vendor (as a
 * team captures its traffic), then an update of an invoice the vendor does not know; write the HAR.
 */
async function capture(mistakes: boolean): Promise<{ file: string; notFound: ParsedAnswer }> {
  const simulators = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: await loadSeed(undefined) });
  const recorder = createHarRecorder();
  const proxies = await Promise.all(['ebizcharge/UpdateInvoice', 'invoicexpress/invoices.update', 'crmcom/invoices_update'].map((id) => recorder.proxy(simulators.baseUrls[id] ?? '')));
  try {
    const [ebizcharge, invoicexpress, crmcom] = proxies.map((p) => p.baseUrl);
    const client = createSampleClient({ mistakes, credentials: CREDENTIALS, baseUrls: { ebizcharge: ebizcharge ?? '', invoicexpress: invoicexpress ?? '', crmcom: crmcom ?? '' } });
    await runSampleIntegration(client);
    const notFound = await createSampleClient({ mistakes: false, credentials: CREDENTIALS, baseUrls: { ebizcharge: ebizcharge ?? '', invoicexpress: '', crmcom: '' } }).ebizchargeUpdateInvoice({ ...SAMPLE_INVOICE, number: 'NO-SUCH-INVOICE', internalId: '00000000-0000-0000-0000-000000000000' });
    const file = join(dir, `sample-${mistakes ? 'mistakes' : 'fixed'}.har`);
    await writeFile(file, JSON.stringify(recorder.har(), null, 2));
    return { file, notFound };
  } finally {
    await Promise.all(proxies.map((p) => p.close()));
    await simulators.close();
  }
}

let fixedRun: ReturnType<typeof capture> | undefined;
/** The fixed integration's capture, made once for the tests that read it. */
function fixedCapture(): ReturnType<typeof capture> {
  fixedRun ??= capture(false);
  return fixedRun;
}

async function check(file: string, ...flags: string[]): Promise<{ code: number; report: Report; stdout: string; stderr: string }> {
  const result = await runCommand(['check', file, '--reporter', 'json', ...flags], { timeoutMs: 60_000 });
  return { code: result.code, report: JSON.parse(result.stdout) as Report, stdout: result.stdout, stderr: result.stderr };
}

function failures(r: Report, index: number): string[] {
  return r.results.filter((x) => x.entry?.endsWith(`#${index}`) && x.state === 'failed').flatMap((x) => (x.violations ?? []).map((v) => `${x.check} ${v.rule} ${v.path}`));
}

/** The departures the vendor's stack accepts on one entry (warnings with params.accepted). */
function accepted(r: Report, index: number): string[] {
  return r.results.filter((x) => x.entry?.endsWith(`#${index}`)).flatMap((x) => (x.violations ?? []).filter((v) => v.severity === 'warning' && typeof v.params?.['accepted'] === 'string').map((v) => `${x.check} ${v.rule} ${v.path}`));
}

describe('conformance check on the sample integration\'s captured traffic', { timeout: 2 * QUEUED_TEST_TIMEOUT_MS }, () => {
  it('passes the fixed integration: every entry conforms, exit 0, and prints what its parser must conclude', async () => {
    const { file } = await fixedCapture();
    const { code, report, stderr } = await check(file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report.entries.map((e) => [e.index, e.contract, e.state, e.outcome?.outcome])).toEqual([
      [1, 'ebizcharge/UpdateInvoice', 'passed', 'ok'],
      [2, 'invoicexpress/invoices.update', 'passed', 'ok'],
      [3, 'crmcom/invoices_update', 'passed', 'ok'],
      [4, 'ebizcharge/UpdateInvoice', 'passed', 'not_found'],
    ]);
    expect(report.entries[3]?.outcome?.message).toBe('Not Found ');
  });

  it('fails the integration with its mistakes, naming each one on its entry, exit 1', async () => {
    const { file } = await capture(true);
    const { code, report, stdout } = await check(file);
    expect(code).toBe(1);
    // EBizCharge: the trailing-slash namespace (once, for every element) fails; the unquoted SOAPAction, which
    // EBizCharge's WCF stack reads as the same URI, is named as an accepted departure (a warning).
    expect(failures(report, 1)).toEqual(expect.arrayContaining(['request.namespaces namespace /UpdateInvoice']));
    expect(failures(report, 1).filter((f) => f.startsWith('request.soap-action'))).toEqual([]);
    expect(accepted(report, 1)).toEqual(expect.arrayContaining(['request.soap-action soapaction header soapaction']));
    // With --strict, the same departure fails.
    const strict = await check(file, '--strict');
    expect(strict.code).toBe(1);
    expect(failures(strict.report, 1)).toEqual(expect.arrayContaining(['request.soap-action soapaction header soapaction', 'request.namespaces namespace /UpdateInvoice']));
    expect(failures(report, 1).filter((f) => f.startsWith('request.namespaces'))).toHaveLength(1);
    // InvoiceXpress: every item without its required unit, and the ISO date.
    expect(failures(report, 2)).toEqual(expect.arrayContaining(['request.schema pattern /date', 'request.schema required /items/item/0/unit']));
    // CRM.COM: a number where a string belongs.
    expect(failures(report, 3)).toEqual(expect.arrayContaining(['request.schema type /invoice_identifier/reference_number']));
    expect(findSecrets(stdout, SECRET_VALUES)).toEqual([]);
  });

  it("names the parser mistake too: on the captured not-found answer, the mistaken parser misses the outcome check prints", async () => {
    const { file, notFound } = await fixedCapture();
    const { report } = await check(file);
    const mustConclude = report.entries[3]?.outcome;
    expect(mustConclude).toMatchObject({ outcome: 'not_found', message: 'Not Found ' });
    expect(notFound.outcome).toBe('not_found');
    // The same captured answer, read by the integration's parser with and without its planted mistake.
    const har = JSON.parse(await readFile(file, 'utf8')) as { log: { entries: Array<{ response: { status: number; content: { text: string } } }> } };
    const answer = har.log.entries[3]?.response;
    if (answer === undefined) throw new Error('no fourth entry');
    expect(parseEbizchargeResponse(answer.status, answer.content.text, false).outcome).toBe(mustConclude?.outcome);
    expect(parseEbizchargeResponse(answer.status, answer.content.text, true).outcome).not.toBe(mustConclude?.outcome);
  });
});
