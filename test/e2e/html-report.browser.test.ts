import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/paths.ts';
import { runCommand } from '../helpers/run-command.ts';

/** Debian's chromium; `.ci/run` installs it when missing (playwright's own download does not work offline). */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = repoPath('out/html-report.png');

/**
 * The HTML report of a failing run over all five vendors (Centra's operation element in the wrong
 * namespace), opened in a real headless Chromium with every network request refused and counted.
 */
describe('the HTML report in headless Chromium', { timeout: 180_000 }, () => {
  let dir = '';
  let context: BrowserContext;
  let page: Page;
  const external: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-html-'));
    const recordings = join(dir, 'recordings');
    await cp(repoPath('recordings'), recordings, { recursive: true });
    await cp(repoPath('test/fixtures/recordings/wrong-operation-namespace/centra'), join(recordings, 'centra'), { recursive: true, force: true });
    const report = join(dir, 'report.html');
    const run = await runCommand(['run', '--recordings', recordings, '--reporter', `html:${report}`], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(1);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`file://${report}`);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }, 60_000);

  it('shows the vendor × suite matrix coloured by result, with the failing cell red', async () => {
    // A header row and one row per shipped contract file.
    const contracts = (await readdir(repoPath('contracts'), { recursive: true })).filter((f) => f.endsWith('.yaml')).length;
    await expect.poll(() => page.locator('#matrix tr').count()).toBe(contracts + 1);
    const failing = page.locator('#matrix td.fail[data-contract="centra/invoices_Update"][data-suite="request-building"]');
    expect(await failing.count()).toBe(1);
    expect(await page.locator('#matrix td.pass[data-contract="crmcom/invoices_update"]').count()).toBeGreaterThan(0);
  });

  it('filters to one vendor, opens a failure and shows its expected and actual values, path and rerun command', async () => {
    await page.selectOption('#filter-vendor', 'centra');
    await page.selectOption('#filter-state', 'failed');
    const rows = page.locator('#results .result');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.locator('#results .result:not([data-vendor="centra"])').count()).toBe(0);
    const failure = page.locator('#results .result[data-id="centra/invoices_Update#update-ok#request.namespaces"]');
    await failure.locator('button').click();
    const detail = failure.locator('.detail');
    expect(await detail.locator('.expected').textContent()).toBe('http://www.centra.com/webservices/');
    expect(await detail.locator('.actual').textContent()).toBe('http://www.centra.com/webservices');
    expect(await detail.locator('.where').first().textContent()).toBe('/invoices_Update');
    expect(await detail.locator('.reproduce').textContent()).toContain('conformance run --vendor centra --case update-ok --check request.namespaces');
    await mkdir(repoPath('out'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('shows the doc findings with their evidence, and per-vendor score and coverage', async () => {
    expect(Number(await page.locator('#findings-count').textContent())).toBe(2);
    await page.locator('#findings details summary').first().click();
    expect(await page.locator('#findings details .evidence').first().textContent()).not.toBe('');
    expect(await page.locator('.card[data-vendor="centra"]').textContent()).toMatch(/coverage \d+\/\d+ documented items/);
  });

  it('shows an audit report through the same page: drift with before/after and the changed part marked', async () => {
    const report = join(dir, 'audit.html');
    const audit = await runCommand(['audit', '--baseline', 'test/fixtures/audit/baseline', '--current', 'test/fixtures/audit/combined', '--reporter', `html:${report}`], { timeoutMs: 60_000 });
    expect(audit.code, audit.stderr).toBe(1);
    const auditPage = await context.newPage();
    await auditPage.goto(`file://${report}`);
    const expired = auditPage.locator('#drift details', { hasText: 'crmcom/invoices_update › token-expired' });
    await expired.locator('summary').click();
    expect(await expired.locator('.before').textContent()).toBe('200');
    expect(await expired.locator('.after').textContent()).toBe('401');
    expect(await expired.locator('.before del').textContent()).toBe('200');
    expect(await auditPage.locator('#results .result[data-state="failed"]').count()).toBe(4);
    await auditPage.close();
  });

  it('fetched nothing from the network', () => {
    expect(external).toEqual([]);
  });
});
