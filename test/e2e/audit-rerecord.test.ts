import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUED_TEST_TIMEOUT_MS, runCli } from '../helpers/run-cli.ts';

/**
 * The README flow, `record --target simulate` then `audit --baseline recordings --current
 * out/recordings`, for every vendor. Values that change on every call are declared volatile in the
 * contracts (OpsPlanning's InvoiceTimestamp, CRM.COM's login token, its notes log and the ids of
 * added item lines); the simulator answers a recorded request with that case's own recorded body
 * (InvoiceXpress's three 404 bodies, Centra's two success shapes, CRM.COM's error words), and
 * CRM.COM's success bodies are built from the seeded doc invoices. So the re-recording shows no
 * drift of any severity.
 */
describe('record --target simulate, then audit against the shipped baseline', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-rerecord-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports no drift of any severity for any vendor, over every shipped case', async () => {
    const recorded = await runCli(['record', '--target', 'simulate', '--out', dir]);
    expect(recorded.code).toBe(0);
    const audit = await runCli(['audit', '--baseline', 'recordings', '--current', dir, '--fail-on', 'info', '--reporter', 'json']);
    const summary = JSON.parse(audit.stdout) as { totals: { pairs: number; unchanged: number; added: number; removed: number }; changes: unknown[] };
    expect(summary.changes).toEqual([]);
    const shipped = (await readdir('recordings', { recursive: true })).filter((f) => f.endsWith('.har'));
    expect(summary.totals).toMatchObject({ pairs: shipped.length, unchanged: shipped.length, added: 0, removed: 0 });
    expect(audit.code).toBe(0);
  });

  it('answers with no suite words: no check id, "Invalid request" or "No invoice matches" in any re-recorded body', async () => {
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.har'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const har = JSON.parse(await readFile(join(dir, file), 'utf8')) as { log: { entries: { response: { content: { text?: string } } }[] } };
      const body = har.log.entries[0]?.response.content.text ?? '';
      expect(body, file).not.toMatch(/Invalid request|No invoice matches|Received:|Documented:|contracts\/|suites\//);
    }
  });
});
