import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHar } from '../../src/recording/read-har.ts';
import { runCommand } from '../helpers/run-command.ts';

/**
 * A loopback InvoiceXpress stand-in: the first update (PUT) gets 3 MiB of `"` characters, every other request
 * (the other updates and the invoices.list probe contract's GETs) a small 404.
 */
async function startVendor(): Promise<{ url: string; requests: () => number; updates: () => number; reset: () => void; close: () => Promise<void> }> {
  let count = 0;
  let puts = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      if (req.method === 'PUT') puts++;
      if (req.method === 'PUT' && puts === 1) res.writeHead(200, { 'content-type': 'application/xml' }).end('"'.repeat(3 * 1024 * 1024));
      else res.writeHead(404, { 'content-type': 'application/xml' }).end('<errors><error>Not found</error></errors>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    updates: () => puts,
    reset: () => void ((count = 0), (puts = 0)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('record and the live path refuse what they could not keep safe', () => {
  let vendor: Awaited<ReturnType<typeof startVendor>>;
  let dir: string;

  beforeAll(async () => {
    vendor = await startVendor();
    dir = await mkdtemp(join(tmpdir(), 'conformance-record-guards-'));
  });

  afterAll(async () => {
    await vendor.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([['record'], ['run'], ['probe']])('%s --target live refuses a 3-character secret before sending anything, naming the variable and the minimum, never the value', async (command) => {
    vendor.reset();
    const env = { INVOICEXPRESS_BASE_URL: vendor.url, INVOICEXPRESS_API_KEY: 'q7Z' };
    const result = await runCommand([command, '--target', 'live', '--vendor', 'invoicexpress', ...(command === 'record' ? ['--out', join(dir, 'short')] : [])], { env, timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('at least 8 characters (MIN_SECRET_LENGTH)');
    // Every contract the command would send for is named: probe sends only the probe contract (invoices.list).
    expect(result.stderr).toContain('invoicexpress/invoices.list: apiKey (INVOICEXPRESS_API_KEY) has 3 characters');
    if (command === 'probe') expect(result.stderr).not.toContain('invoicexpress/invoices.update:');
    else expect(result.stderr).toContain('invoicexpress/invoices.update: apiKey (INVOICEXPRESS_API_KEY) has 3 characters');
    expect(result.stdout + result.stderr).not.toContain('q7Z');
    expect(vendor.requests()).toBe(0);
  }, 40_000);

  it('holds back a recording replay would refuse, naming the limit, and writes every other one', async () => {
    vendor.reset();
    const out = join(dir, 'recordings');
    const env = { INVOICEXPRESS_BASE_URL: vendor.url, INVOICEXPRESS_API_KEY: 'a-long-enough-api-key' };
    const result = await runCommand(['record', '--target', 'live', '--vendor', 'invoicexpress', '--out', out], { env, timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: 1 recording\(s\) not written; every other file was written/);
    expect(result.stderr).toMatch(/update-ok\.har: not replayable: the HAR would be \d+ bytes, over the recording read limit MAX_RECORDING_BYTES \(5242880 bytes, 5 MiB\)/);
    const written = await readdir(join(out, 'invoicexpress', 'invoices.update'));
    expect(written).not.toContain('update-ok.har');
    expect(written.length).toBe(vendor.updates() - 1);
    const listed = await readdir(join(out, 'invoicexpress', 'invoices.list'));
    expect(listed.length).toBe(vendor.requests() - vendor.updates());
    // Every file that was written, replay's own reader reads.
    const files = [...written.map((f) => join(out, 'invoicexpress', 'invoices.update', f)), ...listed.map((f) => join(out, 'invoicexpress', 'invoices.list', f))];
    const reads = await Promise.all(files.map((f) => readHar(f)));
    expect(reads.filter((r) => !r.ok)).toEqual([]);
  }, 120_000);
});
