import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAjv } from '../../src/contract/create-ajv.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { repoPath } from '../helpers/paths.ts';
import { findSecrets } from '../helpers/secret-scan.ts';

const HAR = 'test/fixtures/har';

/** The canary credentials test/fixtures/har/generate-fixtures.py planted (secret ones, and user names). */
const CANARIES = ['CANARY-ebiz-sid-4f1d9a7c', 'CANARY-ebiz-pw-93be11d0', 'CANARYixkey0c7d2e91', 'CANARY-crm-token-5a8e7f01', 'CANARY-centra-pw-2b6f44aa', 'CANARY-ops-pw-e07c19b3'];
const USER_NAMES = ['merchant1', 'Revcorp-min', 'larry@revcorp.min'];

interface Report {
  readonly ok: boolean;
  readonly target: string;
  readonly results: ReadonlyArray<{ check: string; state: string; entry?: string; contract: string; violations?: ReadonlyArray<{ rule: string; path: string; message: string; severity?: string; params?: Record<string, unknown> }> }>;
  readonly entries: ReadonlyArray<{ id: string; index: number; contract: string | null; match: string; state: string; differences: string[]; secrets: string[]; outcome?: { status: number; outcome: string; vendorCode: string | null; message: string | null } }>;
  readonly warnings: ReadonlyArray<{ message: string }>;
}

const runs = new Map<string, Promise<CliResult>>();
/** `conformance check ...args` in-process; runs with the same arguments share one call (the CLI is pure for a given input). */
function check(...args: string[]): Promise<CliResult> {
  const key = args.join('\u0000');
  let run = runs.get(key);
  if (run === undefined) {
    run = runCommand(['check', ...args], { timeoutMs: 60_000 });
    runs.set(key, run);
  }
  return run;
}

function report(result: CliResult): Report {
  return JSON.parse(result.stdout) as Report;
}

/** The failed checks of one entry, with the rules of their violations. */
function failures(r: Report, index: number): string[] {
  return r.results.filter((x) => x.entry?.endsWith(`#${index}`) && x.state === 'failed').flatMap((x) => (x.violations ?? []).map((v) => `${x.check} ${v.rule} ${v.path}`));
}

/** The departures the vendor's stack accepts on one entry (warnings with params.accepted), by check, rule and path. */
function accepted(r: Report, index: number): string[] {
  return r.results.filter((x) => x.entry?.endsWith(`#${index}`)).flatMap((x) => (x.violations ?? []).filter((v) => v.severity === 'warning' && typeof v.params?.['accepted'] === 'string').map((v) => `${x.check} ${v.rule} ${v.path}`));
}

let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'check-e2e-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

// Tests that run several CLI processes one after another get more time: they queue behind other tests' processes.
describe.concurrent('conformance check', { timeout: 2 * QUEUED_TEST_TIMEOUT_MS }, () => {
  it('checks a devtools capture with other hosts mixed in: each vendor entry against its contract, the rest listed as not checked, exit 0', async () => {
    // A real subprocess of the bin; the other tests call the command in-process.
    const result = await runCli(['check', `${HAR}/chrome-devtools-mixed-hosts.har`, '--reporter', 'json'], { timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const r = report(result);
    expect(r.target).toBe('check');
    expect(r.entries.map((e) => [e.index, e.contract, e.state])).toEqual([
      [1, null, 'skipped'],
      [2, null, 'skipped'],
      [3, 'ebizcharge/UpdateInvoice', 'passed'],
      [4, null, 'skipped'],
      [5, 'invoicexpress/invoices.update', 'passed'],
      [6, 'crmcom/invoices_update', 'passed'],
      [7, 'centra/invoices_Update', 'passed'],
      [8, 'opsplanning/UpdateInvoicePaymentStatus', 'passed'],
      [9, 'ebizcharge/UpdateInvoice', 'passed'],
      [10, 'invoicexpress/invoices.update', 'passed'],
    ]);
  });

  it("prints each checked response's outcome, vendor code and message, and lists the entries it did not check", async () => {
    const result = await check(`${HAR}/chrome-devtools-mixed-hosts.har`);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Entries (7 checked, 3 not checked)');
    expect(result.stdout).toMatch(/entry 2 {2}GET fonts\.googleapis\.com\/css2 {2}not checked: no contract matches/);
    expect(result.stdout).toMatch(/entry 9 {2}POST soap\.ebizcharge\.net\/eBizService\.svc {2}ebizcharge\/UpdateInvoice\n {5}response 200 → not_found · vendor code "1" · message "Not Found "/);
    expect(result.stdout).toMatch(/entry 10 .*\n {5}response 422 → state_conflict · vendor code — · message "Invoice has been settled so cant be changed anymore\."/);
  });

  it('names every planted mistake on its entry, as the nearest contract when the identity is wrong, and exits 1', async () => {
    const result = await check(`${HAR}/planted-mistakes.har`, '--reporter', 'json');
    expect(result.code).toBe(1);
    const r = report(result);
    expect(failures(r, 2)).toEqual(['request.namespaces namespace /Header/OpsAuthenticationHeader']);
    expect(failures(r, 3)).toEqual(['request.schema required /items/item/1/unit']);
    // An unquoted SOAPAction is read as the same URI by EBizCharge's WCF stack: named as an accepted departure, not a failure.
    expect(failures(r, 4)).toEqual([]);
    expect(accepted(r, 4)).toEqual(['request.soap-action soapaction header soapaction']);
    expect(failures(r, 5)).toEqual(['request.soap-action soapaction header soapaction']);
    expect(failures(r, 6)).toEqual(['request.schema pattern /date']);
    expect(failures(r, 7)).toEqual(['request.schema type /back_office_code']);
    expect(failures(r, 8)).toEqual(['request.envelope soap-envelope /Envelope']);
    expect(failures(r, 9)).toEqual(['request.namespaces namespace /UpdateInvoice']);
    expect(r.entries.map((e) => [e.index, e.contract, e.match])).toEqual([
      [1, null, 'none'],
      [2, 'opsplanning/UpdateInvoicePaymentStatus', 'nearest'],
      [3, 'invoicexpress/invoices.update', 'exact'],
      [4, 'ebizcharge/UpdateInvoice', 'nearest'],
      [5, 'centra/invoices_Update', 'nearest'],
      [6, 'invoicexpress/invoices.update', 'exact'],
      [7, 'crmcom/invoices_update', 'exact'],
      [8, 'opsplanning/UpdateInvoicePaymentStatus', 'nearest'],
      [9, 'ebizcharge/UpdateInvoice', 'nearest'],
    ]);
    expect(r.entries.find((e) => e.index === 9)?.differences).toEqual(['operation element: Received: {http://eBizCharge.ServiceModel.SOAP/}UpdateInvoice / Documented: {http://eBizCharge.ServiceModel.SOAP}UpdateInvoice']);
    expect(r.entries.find((e) => e.index === 8)?.differences[0]).toContain('http://www.w3.org/2003/05/soap-envelope');
  });

  it('reports a wrong namespace once, with every element it affects, not once per element', async () => {
    const r = report(await check(`${HAR}/planted-mistakes.har`, '--entry', '9', '--reporter', 'json'));
    const namespace = r.results.filter((x) => x.state === 'failed').flatMap((x) => x.violations ?? []).filter((v) => v.rule === 'namespace');
    expect(namespace).toHaveLength(1);
    expect(namespace[0]?.params?.['paths']).toEqual(expect.arrayContaining(['/UpdateInvoice', '/securityToken', '/invoice']));
  });

  it('names the mistake in the console with the command that reproduces it', async () => {
    const result = await check(`${HAR}/planted-mistakes.har`);
    expect(result.code).toBe(1);
    // The console wraps long actual values to the width: compare with the wrapping undone.
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('(this is a SOAP 1.2 envelope)');
    expect(result.stdout).toMatch(/expected {2}unit is required here\n {6}actual {4}no unit\n/);
    expect(result.stdout).toMatch(/rerun {5}conformance check test\/fixtures\/har\/planted-mistakes\.har --entry 8\n/);
    expect(result.stdout).toMatch(/⚠ 1× ebizcharge\/UpdateInvoice request\.soap-action: /);
    expect(result.stdout).toContain('7 failed');
  });

  it('passes the same capture with the mistakes fixed, exit 0', async () => {
    const result = await check(`${HAR}/planted-mistakes-fixed.har`, '--reporter', 'json');
    expect(result.code).toBe(0);
    expect(report(result).entries.filter((e) => e.contract !== null).map((e) => e.state)).toEqual(Array(8).fill('passed'));
  });

  it('fails entries no contract matches with --unknown fail, naming them', async () => {
    const result = await check(`${HAR}/chrome-devtools-mixed-hosts.har`, '--unknown', 'fail', '--reporter', 'json');
    expect(result.code).toBe(1);
    const r = report(result);
    expect(r.entries.filter((e) => e.state === 'failed').map((e) => e.index)).toEqual([1, 2, 4]);
    expect(failures(r, 2)).toEqual(['capture.contract unknown-entry request']);
  });

  it('checks every entry against the contract --contract names', async () => {
    const right = report(await check(`${HAR}/polly.har`, '--contract', 'crmcom/invoices_update', '--reporter', 'json'));
    expect(right.entries.map((e) => [e.contract, e.match, e.state])).toEqual([['crmcom/invoices_update', 'forced', 'passed']]);
    const wrong = await check(`${HAR}/polly.har`, '--contract', 'ebizcharge/UpdateInvoice', '--reporter', 'json');
    expect(wrong.code).toBe(1);
    expect(failures(report(wrong), 1)).toEqual(expect.arrayContaining(['request.transport path path', 'request.soap-action soapaction header soapaction', 'request.envelope xml-malformed /']));
  });

  it.each([
    ['firefox-devtools.har', 'centra/invoices_Update'],
    ['playwright-recordhar.har', 'opsplanning/UpdateInvoicePaymentStatus'],
    ['polly.har', 'crmcom/invoices_update'],
    ['mitmproxy.har', 'invoicexpress/invoices.update'],
    ['charles.har', 'ebizcharge/UpdateInvoice'],
  ])('reads %s as that tool writes it and checks its entry against %s', async (file, contract) => {
    const result = await check(`${HAR}/${file}`, '--reporter', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [entry] = report(result).entries;
    expect(entry).toMatchObject({ contract, match: 'exact', state: 'passed', outcome: { outcome: 'ok' } });
  });

  it("reads a response body Playwright attached as a file beside the HAR (content: 'attach')", async () => {
    const result = await check(`${HAR}/playwright-attach/capture.har`, '--reporter', 'json');
    expect(result.code).toBe(0);
    expect(report(result).entries[0]).toMatchObject({ contract: 'opsplanning/UpdateInvoicePaymentStatus', state: 'passed', outcome: { outcome: 'ok' } });
  });

  it('decodes a base64 response body (Playwright) before classifying it', async () => {
    const r = report(await check(`${HAR}/playwright-recordhar.har`, '--reporter', 'json'));
    expect(r.results.find((x) => x.check === 'response.documented')?.state).toBe('passed');
  });

  it.each([
    ['not-har.har', /^error: test\/fixtures\/har\/not-har\.har: not a HAR file: Malformed JSON/],
    ['truncated.har', /^error: test\/fixtures\/har\/truncated\.har: not a HAR file: .*\(the file looks truncated\)/],
    ['wrong-shape.har', /^error: test\/fixtures\/har\/wrong-shape\.har: not valid HAR 1\.2: \/log\/entries must be array/],
    ['missing.har', /^error: Cannot read test\/fixtures\/har\/missing\.har: ENOENT/],
  ])('refuses %s with one line and exit 2', async (file, message) => {
    const result = await check(`${HAR}/${file}`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['--unknown', 'maybe'], /^error: Unknown --unknown "maybe"\. Available: ignore, fail\./],
    [['--entry', '0'], /^error: --entry 0 is not an entry position/],
    [['--contract', 'nope/Nothing'], /^error: Unknown contract "nope\/Nothing"\. Known contracts: /],
  ])('refuses %s as a usage error', async (args, message) => {
    const result = await check(`${HAR}/polly.har`, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 when no entry is for a known contract, rather than passing an empty check', async () => {
    const result = await check(`${HAR}/chrome-devtools-mixed-hosts.har`, '--entry', '1', '--entry', '2');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/None of the 2 entries is for a known contract \(hosts: app\.example\.com, fonts\.googleapis\.com\); nothing was checked/);
  });

  it('checks every .har file under a folder, naming each file in the entry labels', async () => {
    const folder = join(tmp, 'captures');
    await mkdir(join(folder, 'nested'), { recursive: true });
    await copyFile(repoPath(HAR, 'polly.har'), join(folder, 'polly.har'));
    await copyFile(repoPath(HAR, 'charles.har'), join(folder, 'nested', 'charles.har'));
    const result = await check(folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/nested\/charles\.har entry 1 {2}POST soap\.ebizcharge\.net/);
    expect(result.stdout).toMatch(/polly\.har entry 1 {2}POST acme\.crm\.com/);
  });

  it('names every unreadable capture of a folder', async () => {
    const result = await check(`${HAR}`, '--reporter', 'json');
    // The folder holds unreadable captures on purpose: all of them are named.
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: 3 files are not readable HAR 1\.2:/);
    expect(result.stderr).toContain('not-har.har');
    expect(result.stderr).toContain('wrong-shape.har');
  });

  it('warns that the capture holds live secrets and where, never the value', async () => {
    const result = await check(`${HAR}/chrome-devtools-mixed-hosts.har`);
    expect(result.stdout).toContain('holds live secrets (values are never shown): entry 3 body:/securityToken/SecurityId, body:/securityToken/Password; entry 5 query:api_key; entry 6 body:/token; entry 7 body:/login/password; entry 8 header:/OpsAuthenticationHeader/Password');
    expect(result.stdout).toContain('conformance redact test/fixtures/har/chrome-devtools-mixed-hosts.har --out');
  });

  it('never shows a credential of the capture in the console, JSON or JUnit output', async () => {
    const json = join(tmp, 'check.json');
    const junit = join(tmp, 'check.xml');
    for (const file of ['chrome-devtools-mixed-hosts.har', 'planted-mistakes.har']) {
      const result = await check(`${HAR}/${file}`, '--reporter', 'console', '--reporter', `json:${json}`, '--reporter', `junit:${junit}`);
      const outputs = [result.stdout, result.stderr, await readFile(json, 'utf8'), await readFile(junit, 'utf8')].join('\n');
      // The capture really holds them (so the scan can find what it looks for).
      expect(findSecrets(readFileSync(repoPath(HAR, file), 'utf8'), CANARIES).length).toBeGreaterThan(0);
      expect(findSecrets(outputs, [...CANARIES, ...USER_NAMES])).toEqual([]);
    }
  });

  it('writes one JUnit testcase per entry, named by index, method, path and contract', async () => {
    const result = await check(`${HAR}/planted-mistakes.har`, '--reporter', 'junit');
    expect(result.code).toBe(1);
    const names = [...result.stdout.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(9);
    expect(names).toContain('entry 8 POST /OpsProjectorWebSvc/OpsProjectorSvc.asmx › opsplanning/UpdateInvoicePaymentStatus');
    expect(names).toContain('entry 1 GET /invoices/1001 › (no contract)');
    // junit-10.xsd: the root carries no skipped count; each testsuite (contract × capture) does, and names the capture.
    expect(result.stdout).toMatch(/<testsuites name="conformance check" tests="9" failures="7" errors="0"/);
    expect([...result.stdout.matchAll(/<skipped /g)]).toHaveLength(1);
    expect(result.stdout).toMatch(/<testsuite name="opsplanning\/UpdateInvoicePaymentStatus test\/fixtures\/har\/planted-mistakes\.har" tests="2" failures="2" [^>]*file="test\/fixtures\/har\/planted-mistakes\.har">/);
  });

  it('writes a JSON report that validates against reporters/json-report.schema.json', async () => {
    const schema = JSON.parse(readFileSync(repoPath('reporters/json-report.schema.json'), 'utf8')) as object;
    const validate = createAjv().compile(schema);
    for (const file of ['planted-mistakes.har', 'chrome-devtools-mixed-hosts.har']) {
      const json = JSON.parse((await check(`${HAR}/${file}`, '--unknown', 'fail', '--reporter', 'json')).stdout) as unknown;
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('runs request.vendor-version with --vendor-version, and its reproduce command repeats the flag', async () => {
    const result = await check(`${HAR}/polly.har`, '--vendor-version', 'crmcom=R4.0.0');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/expected {2}invoices_update is available from R9\.1\.0\n {6}actual {4}a invoices_update request for version R4\.0\.0\n/);
    expect(result.stdout).toContain('rerun     conformance check test/fixtures/har/polly.har --entry 1 --vendor-version crmcom=R4.0.0\n');
  });

  it('documents itself in --help', async () => {
    const result = await check('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--unknown <mode>');
    expect(result.stdout).toContain('Exit codes: 0 every checked entry conforms, 1 a violation, 2 usage error');
  });
});
