import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/model/http.ts';
import { createNodeHttpClient, type NodeHttpClient } from '../../../src/targets/live/node-http-client.ts';

/** What the server saw of one request: its raw header lines in order (names lower-cased, then each value) and body. */
interface Seen {
  readonly headers: readonly string[];
  readonly body: string;
}

const BODY = '<answer>größe</answer>';

/** Loopback server: /echo notes the request; /gzip, /deflate answer compressed; /twice repeats a header; /stall sends part of a body and stops. */
function handle(seen: Seen[], req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = req.url ?? '/';
  if (path === '/echo') {
    seen.push({ headers: req.rawHeaders.map((h, i) => (i % 2 === 0 ? h.toLowerCase() : h)), body });
    return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }
  if (path === '/gzip') return void res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(BODY));
  if (path === '/deflate') return void res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', 'content-encoding': 'deflate' }).end(deflateSync(BODY));
  if (path === '/twice') return void res.writeHead(200, [['content-type', 'text/plain'], ['x-seen', 'a'], ['x-seen', 'b']]).end('ok');
  if (path === '/stall') {
    res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '100' });
    return void res.write('<partial>x');
  }
  res.writeHead(404).end();
}

describe('the live HTTP client (node:http) against a loopback server', () => {
  const seen: Seen[] = [];
  let base = '';
  let client: NodeHttpClient;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(seen, req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 5000;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = createNodeHttpClient();
  });
  afterAll(async () => {
    client.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const request = (path: string, headers: Record<string, string> = {}, body = 'a body'): HttpRequest => ({ method: 'POST', url: `${base}${path}`, headers, body });

  it('sends the header lines fetch sends, in its order, so a vendor sees the same request as before', async () => {
    for (const headers of [{ 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:x"' }, {}]) {
      const before = seen.length;
      await (await fetch(`${base}/echo`, { method: 'POST', headers, body: 'a body', redirect: 'manual' })).text();
      const sent = await client.send(request('/echo', headers));
      expect(sent.ok).toBe(true);
      const [byFetch, byClient] = seen.slice(before);
      expect(byClient).toEqual(byFetch);
    }
    // A body without a Content-Type goes as text/plain, as fetch sends a string body.
    expect(seen.at(-1)?.headers).toContain('text/plain;charset=UTF-8');
  });

  it('decodes gzip and deflate answers, as fetch does, keeping their Content-Encoding header', async () => {
    for (const coding of ['gzip', 'deflate']) {
      const sent = await client.send(request(`/${coding}`));
      expect(sent.ok && sent.exchange.response.body).toBe(BODY);
      expect(sent.ok && sent.exchange.response.headers['content-encoding']).toBe(coding);
    }
  });

  it('gives the response headers as fetch’s Headers do: names sorted, a repeated header joined with ", "', async () => {
    const sent = await client.send(request('/twice'));
    expect(sent.ok && sent.exchange.response.headers['x-seen']).toBe('a, b');
    const viaFetch = await fetch(`${base}/twice`, { method: 'POST', body: 'a body' });
    await viaFetch.text();
    // Names in fetch's order; values alike but the Date (the two answers may fall in different seconds).
    const shown = (entries: Iterable<readonly [string, string]>) => [...entries].map(([name, value]) => [name, name === 'date' ? 'a date' : value]);
    expect(sent.ok && shown(Object.entries(sent.exchange.response.headers))).toEqual(shown(viaFetch.headers));
  });

  it('reuses its kept-alive connection: ten requests in a row open one', async () => {
    const sockets: unknown[] = [];
    const onSocket = (message: unknown): void => void sockets.push(message);
    const own = createNodeHttpClient();
    subscribe('net.client.socket', onSocket);
    try {
      for (let i = 0; i < 10; i++) expect((await own.send(request('/echo'))).ok).toBe(true);
    } finally {
      unsubscribe('net.client.socket', onSocket);
      own.close();
    }
    expect(sockets).toHaveLength(1);
  });

  it('reports a body that stalls past the timeout as a timeout, with the bytes received', async () => {
    const sent = await client.send(request('/stall'), { timeoutMs: 300 });
    expect(sent).toMatchObject({ ok: false, kind: 'timeout' });
    expect(!sent.ok && sent.problem).toMatch(/^no complete response from 127\.0\.0\.1:\d+ within 300 ms \(the body stopped after 10 bytes\)$/);
  });

  it('refuses a header value with a line break as a network failure, sending nothing and never throwing', async () => {
    const before = seen.length;
    const sent = await client.send(request('/echo', { 'x-api-key': 'k\r\nx-injected: 1' }));
    expect(sent).toMatchObject({ ok: false, kind: 'network' });
    expect(JSON.stringify(sent)).not.toContain('x-injected');
    expect(seen).toHaveLength(before);
  });
});
