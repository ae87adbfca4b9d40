import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

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
    const recorded = await runCommand(['record', '--target', 'simulate', '--out', dir]);
    expect(recorded.code).toBe(0);
    const audit = await runCommand(['audit', '--baseline', 'recordings', '--current', dir, '--fail-on', 'info', '--reporter', 'json']);
    const summary = JSON.parse(audit.stdout) as { audit: { totals: { pairs: number; unchanged: number; added: number; removed: number } }; drift: unknown[] };
    expect(summary.drift).toEqual([]);
    const shipped = (await readdir('recordings', { recursive: true })).filter((f) => f.endsWith('.har'));
    expect(summary.audit.totals).toMatchObject({ pairs: shipped.length, unchanged: shipped.length, added: 0, removed: 0 });
    expect(audit.code).toBe(0);
  });

  it('still reports a changed quantity or a removed product_type of a CRM.COM line, though the line ids are volatile', async () => {
    const changed = join(dir, '..', `${dir.split('/').pop() ?? 'rr'}-changed`);
    await cp(dir, changed, { recursive: true });
    try {
      const file = join(changed, 'crmcom', 'invoices_update', 'update-example-1.har');
      const har = JSON.parse(await readFile(file, 'utf8')) as { log: { entries: { response: { content: { text: string } } }[] } };
      const content = har.log.entries[0]?.response.content;
      if (content === undefined) throw new Error('no entry');
      const body = JSON.parse(content.text) as { data: { invoice_item_set: { id: string; quantity: number; product: { product_type?: unknown } }[] } };
      const [first, second] = body.data.invoice_item_set;
      if (first === undefined || second === undefined) throw new Error('two lines expected');
      first.id = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF'; // volatile: not drift
      first.quantity = 7;
      delete second.product.product_type;
      content.text = `${JSON.stringify(body, null, 2)}\n`;
      await writeFile(file, JSON.stringify(har, null, 2));
      const audit = await runCommand(['audit', '--baseline', 'recordings', '--current', changed, '--vendor', 'crmcom', '--fail-on', 'info', '--reporter', 'json']);
      const summary = JSON.parse(audit.stdout) as { drift: { id: string; path: string }[] };
      const found = summary.drift.map((c) => `${c.id} ${c.path}`);
      expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^drift\.value-changed .*invoice_item_set\[0\]\.quantity$/), expect.stringMatching(/^drift\.field-removed .*invoice_item_set\[1\]\.product\.product_type$/)]));
      expect(found.filter((f) => /\.id$/.test(f))).toEqual([]);
      expect(audit.code).toBe(1);
    } finally {
      await rm(changed, { recursive: true, force: true });
    }
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
