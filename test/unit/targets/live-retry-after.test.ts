import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/model/http.ts';
import { createLiveTarget } from '../../../src/targets/live.ts';

/**
 * A loopback vendor that answers its first request, after `holdMs`, with a 429 and the given
 * Retry-After, and every later one with a 200; it notes when each request arrived and when the
 * 429 left.
 */
async function startRateLimiter(retryAfter: string, holdMs = 300) {
  const arrivals: number[] = [];
  let rateLimitedAt = 0;
  const server = createServer((req, res) => {
    arrivals.push(Date.now());
    const first = arrivals.length === 1;
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        if (!first) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        rateLimitedAt = Date.now();
        res.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'text/plain' }).end('slow down');
      }, first ? holdMs : 0),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  return { url, arrivals, rateLimitedAt: () => rateLimitedAt, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const post = (url: string): HttpRequest => ({ method: 'POST', url, headers: { 'content-type': 'text/plain' }, body: 'x' });

/** Three requests at once through one slot: the two queued behind the 429 must wait for its Retry-After. */
async function sendThree(retryAfter: string, runTimeoutMs = 20_000) {
  const vendor = await startRateLimiter(retryAfter);
  try {
    const target = createLiveTarget({ baseUrls: {}, concurrency: 1, timeoutMs: 5000, runTimeoutMs });
    const results = await Promise.all([post(vendor.url), post(vendor.url), post(vendor.url)].map((r) => target.send(r)));
    return { results, arrivals: [...vendor.arrivals], rateLimitedAt: vendor.rateLimitedAt() };
  } finally {
    await vendor.close();
  }
}

// Concurrent: each test has its own vendor (port) and target, and most of its time is the Retry-After it waits out.
describe.concurrent('live target and Retry-After, re-checked when a request leaves the queue', () => {
  it('holds requests already queued behind a 429 for Retry-After seconds (2 s)', async () => {
    const { results, arrivals, rateLimitedAt } = await sendThree('2');
    expect(results.map((r) => r.ok && r.exchange.response.status)).toEqual([429, 200, 200]);
    expect(arrivals).toHaveLength(3);
    for (const at of arrivals.slice(1)) expect(at - rateLimitedAt).toBeGreaterThanOrEqual(1990);
  }, 15_000);

  it('holds them until an HTTP-date Retry-After', async () => {
    // HTTP dates have whole seconds: ask for the second after next.
    const until = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
    const { arrivals } = await sendThree(until.toUTCString());
    for (const at of arrivals.slice(1)) expect(at).toBeGreaterThanOrEqual(until.getTime() - 10);
  }, 15_000);

  it('waits one second after a malformed Retry-After', async () => {
    const { arrivals, rateLimitedAt } = await sendThree('soon, maybe');
    for (const at of arrivals.slice(1)) expect(at - rateLimitedAt).toBeGreaterThanOrEqual(990);
  }, 15_000);

  it('stops sending to a vendor whose Retry-After (86400 s) is past the run deadline, and says so', async () => {
    const started = Date.now();
    const { results, arrivals } = await sendThree('86400', 10_000);
    expect(arrivals).toHaveLength(1);
    expect(results[0]?.ok && results[0].exchange.response.status).toBe(429);
    for (const r of results.slice(1)) {
      expect(r).toMatchObject({ ok: false, kind: 'timeout' });
      expect(!r.ok && r.problem).toMatch(/^127\.0\.0\.1:\d+ asked to wait 86400 s \(Retry-After\), past the run deadline of 10000 ms.*; no more requests are sent to this vendor in this run; the request was not sent$/);
    }
    expect(Date.now() - started).toBeLessThan(5000);
  }, 15_000);
});
