/**
 * Benchmark of the HTML report at 5,000 results: render time and file size, and in headless
 * Chromium (Debian's /usr/bin/chromium) the time to load the page and to apply a vendor filter.
 * Prints figures; asserts nothing. Run: node --import tsx bench/html-report.bench.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { renderHtml } from '../reporters/html.ts';
import type { CheckResult } from '../src/model/check-result.ts';
import type { RunSummary } from '../src/model/run-summary.ts';

const CONTRACTS = ['centra/invoices_Update', 'crmcom/invoices_update', 'ebizcharge/UpdateInvoice', 'invoicexpress/invoices.update', 'opsplanning/UpdateInvoicePaymentStatus'];

function result(i: number): CheckResult {
  const contract = CONTRACTS[i % CONTRACTS.length] ?? '';
  const base = { id: `${contract}#case-${i}#request.schema`, check: 'request.schema', title: 'Request structure is as documented', suite: 'request-building' as const, contract, case: `case-${i}`, durationMs: 0.01 };
  if (i % 10 !== 0) return { ...base, state: 'passed', violations: [] };
  const message = 'Received: <{http://a}x> / Documented: <{http://b}x>. Prefixes do not matter.';
  return { ...base, state: 'failed', violations: [{ rule: 'namespace', path: '/x', message, severity: 'error' }], reproduce: `conformance run --vendor ${contract.split('/')[0] ?? ''} --case case-${i} --check request.schema` };
}

const results = Array.from({ length: 5000 }, (_, i) => result(i));
const summary: RunSummary = {
  schemaVersion: 1,
  tool: { name: 'bench', version: '0' },
  target: 'replay',
  startedAt: new Date(0).toISOString(),
  durationMs: 0,
  ok: false,
  totals: { passed: 4500, failed: 500, skipped: 0 },
  suites: ['contract', 'request-building', 'response-parsing', 'scenarios'],
  contracts: CONTRACTS.map((id) => ({ id, vendor: id.split('/')[0] ?? id, operation: id.split('/')[1] ?? '', protocol: 'soap11', file: `contracts/${id}.yaml`, cases: 1000, totals: { passed: 900, failed: 100, skipped: 0 } })),
  results,
  findings: [],
  coverage: [],
  warnings: [],
};

let started = performance.now();
const html = renderHtml(summary);
console.log(`render: ${(performance.now() - started).toFixed(0)} ms, ${(html.length / 1024).toFixed(0)} KiB`);

const dir = await mkdtemp(join(tmpdir(), 'bench-html-'));
try {
  const file = join(dir, 'report.html');
  await writeFile(file, html);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const page = context.pages()[0] ?? (await context.newPage());
  started = performance.now();
  await page.goto(`file://${file}`);
  await page.waitForSelector('#results .result');
  console.log(`load in Chromium: ${(performance.now() - started).toFixed(0)} ms`);
  started = performance.now();
  await page.selectOption('#filter-state', '');
  await page.selectOption('#filter-vendor', 'crmcom');
  console.log(`state and vendor filters: ${(performance.now() - started).toFixed(0)} ms (${(await page.locator('#count').textContent()) ?? ''})`);
  await context.close();
} finally {
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
}
