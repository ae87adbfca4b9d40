import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/run-command.ts';

/** A loopback InvoiceXpress stand-in answering 429 with `retryAfter` (to every request, or the first only), noting arrival times. */
async function withVendor<T>(retryAfter: string, everyRequest: boolean, fn: (url: string, arrivals: number[], limitedAt: () => number) => Promise<T>): Promise<T> {
  const arrivals: number[] = [];
  let limitedAt = 0;
  const server = createServer((req, res) => {
    arrivals.push(Date.now());
    const limit = everyRequest || arrivals.length === 1;
    req.resume();
    req.on('end', () => {
      if (!limit) return void res.writeHead(404, { 'content-type': 'application/xml' }).end('<errors><error>Not found</error></errors>');
      limitedAt ||= Date.now();
      res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'application/xml' }).end('<errors><error>Too many requests</error></errors>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals, () => limitedAt);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const env = (url: string) => ({ INVOICEXPRESS_BASE_URL: url, INVOICEXPRESS_API_KEY: 'a-long-enough-api-key' });

describe('run --target live honours Retry-After', () => {
  it('stops sending to a vendor that asks to wait 86400 s, saying so, instead of sending its 17 updates and 3 list reads', async () => {
    await withVendor('86400', true, async (url, arrivals) => {
      const result = await runCommand(['run', '--target', 'live', '--vendor', 'invoicexpress', '--reporter', 'console'], { env: env(url), timeoutMs: 60_000 });
      expect(result.code).toBe(1);
      // Only the requests already in flight when the first 429 came back (at most --concurrency, 4) reached the vendor.
      expect(arrivals.length).toBeGreaterThanOrEqual(1);
      expect(arrivals.length).toBeLessThanOrEqual(4);
      // The console wraps a failure's message at its width: join the continuation lines before reading it.
      const unwrapped = result.stdout.replace(/\n {4,}/g, ' ');
      expect(unwrapped).toMatch(/asked to wait 86400 s \(Retry-After\), past the run deadline of 300000 ms.*; no more requests are sent to this vendor in this run/);
    });
  }, 70_000);

  it('sends nothing to a vendor within Retry-After: 2 of its 429', async () => {
    await withVendor('2', false, async (url, arrivals, limitedAt) => {
      await runCommand(['run', '--target', 'live', '--vendor', 'invoicexpress', '--reporter', 'console'], { env: env(url), timeoutMs: 60_000 });
      expect(arrivals.length).toBeGreaterThan(4);
      // Requests in flight when the 429 left may arrive just after it; none may arrive later within the 2 s.
      const during = arrivals.filter((at) => at > limitedAt() + 250 && at < limitedAt() + 1990);
      expect(during).toEqual([]);
      expect(arrivals.filter((at) => at >= limitedAt() + 1990).length).toBeGreaterThan(0);
    });
  }, 70_000);
});
