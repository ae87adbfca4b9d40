import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/model/http.ts';
import { createLiveTarget } from '../../../src/targets/live.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { classifyProbe } from '../../../src/probe/classify-probe.ts';
import { startFaultServer, type FaultServer } from '../../helpers/fault-server.ts';

const get = (url: string): HttpRequest => ({ method: 'POST', url, headers: { 'content-type': 'text/xml' }, body: '<x/>' });

describe('live target against a misbehaving loopback server', () => {
  let server: FaultServer;

  beforeAll(async () => {
    server = await startFaultServer();
  });

  afterAll(async () => {
    await server.close();
  });

  const target = (overrides: Partial<Parameters<typeof createLiveTarget>[0]> = {}) => createLiveTarget({ baseUrls: { 'x/y': server.baseUrl }, timeoutMs: 300, ...overrides });

  it('reports a timeout as a timeout failure naming the host, not the URL', async () => {
    const result = await target().send(get(`${server.baseUrl}/slow?api_key=k-secret`));
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(!result.ok && result.problem).toMatch(/no response from 127\.0\.0\.1:\d+ within 300 ms/);
    expect(JSON.stringify(result)).not.toContain('k-secret');
  });

  it('reports a connection reset as a readable network failure', async () => {
    const result = await target().send(get(`${server.baseUrl}/reset`));
    expect(result).toMatchObject({ ok: false, kind: 'network' });
    expect(!result.ok && result.problem).toMatch(/closed|reset/);
  });

  it('reports a truncated body as truncated, with the bytes received', async () => {
    const result = await target().send(get(`${server.baseUrl}/truncated`));
    expect(result).toMatchObject({ ok: false, kind: 'network' });
    expect(!result.ok && result.problem).toContain('truncated: the connection closed after 10 bytes');
  });

  it('refuses an oversized body without reading it all', async () => {
    const result = await target({ maxBodyBytes: 1024 }).send(get(`${server.baseUrl}/big`));
    expect(result).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('returns a 5xx as an answer, sent once and never retried', async () => {
    const before = server.log.filter((l) => l.path === '/500').length;
    const result = await target().send(get(`${server.baseUrl}/500`));
    expect(result.ok && result.exchange.response.status).toBe(500);
    expect(server.log.filter((l) => l.path === '/500').length).toBe(before + 1);
  });

  it('returns a 429 as the answer, then holds the next request to that vendor for its Retry-After', async () => {
    const t = target({ timeoutMs: 3000 });
    const first = await t.send(get(`${server.baseUrl}/429`));
    expect(first.ok && first.exchange.response.status).toBe(429);
    const started = Date.now();
    const next = await t.send(get(`${server.baseUrl}/ok`));
    expect(next.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.log.filter((l) => l.path === '/429')).toHaveLength(1);
  });

  it('fails without sending when a Retry-After reaches past the run deadline', async () => {
    const t = target({ runTimeoutMs: 500 });
    await t.send(get(`${server.baseUrl}/429`));
    const okBefore = server.log.filter((l) => l.path === '/ok').length;
    const next = await t.send(get(`${server.baseUrl}/ok`));
    expect(next).toMatchObject({ ok: false, kind: 'timeout' });
    expect(!next.ok && next.problem).toContain('was not sent');
    expect(server.log.filter((l) => l.path === '/ok')).toHaveLength(okBefore);
  });

  it('classifies a wrong content type (an HTML gateway page) as an unexpected probe answer, never a crash', async () => {
    const { contract } = await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'));
    const sent = await target().send(get(`${server.baseUrl}/html`));
    const probe = classifyProbe(contract, sent, 1);
    expect(probe.verdict).toBe('unexpected');
    expect(probe.evidence).toMatchObject({ status: 200, contentType: 'text/html', outcome: 'unknown' });
  });

  it('classifies a refused connection as unreachable', async () => {
    const { contract } = await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'));
    const sent = await target().send(get('http://127.0.0.1:9/ams'));
    expect(classifyProbe(contract, sent, 1).verdict).toBe('unreachable');
  });

  it('refuses a base URL that is not http(s), and every request it sent went to 127.0.0.1', async () => {
    expect(await target().send(get('file:///etc/passwd'))).toMatchObject({ ok: false, kind: 'network' });
    expect(server.log.length).toBeGreaterThan(0);
    expect(new Set(server.log.map((l) => l.remoteAddress))).toEqual(new Set(['127.0.0.1']));
  });
});
