import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the stand-in saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

/** How the stand-in changes a response body (the request is given for echo tests). */
export type Rewrite = (body: string, request: SeenRequest) => string;

/** A running stand-in provider. */
export interface RewritingProvider {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * A stand-in provider on 127.0.0.1 (port 0): it forwards every request to `target` (a simulator)
 * and answers with the simulator's response, its body passed through `rewrite` (the
 * /__simulator/state route is passed through untouched). Used to show a provider that answers
 * with other prefixes and values, or with a broken element, to the Pact verifier.
 */
export async function startRewritingProvider(target: string, rewrite: Rewrite): Promise<RewritingProvider> {
  const server = createServer((req, res) => {
    void readAll(req).then(async (body) => {
      const seen: SeenRequest = { method: req.method ?? 'GET', path: req.url ?? '/', body };
      const answer = await forward(target, seen, req.headers as Record<string, string>);
      const text = seen.path.startsWith('/__simulator/') ? answer.body : rewrite(answer.body, seen);
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readAll(stream: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

function forward(target: string, seen: SeenRequest, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const { host: _host, 'content-length': _length, connection: _connection, ...rest } = headers;
    const req = httpRequest(`${target}${seen.path}`, { method: seen.method, headers: { ...rest, 'content-length': String(Buffer.byteLength(seen.body)) }, agent: false }, (res) => {
      void readAll(res).then((body) => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && k !== 'content-length' && k !== 'connection' && k !== 'keep-alive') out[k] = v;
        resolve({ status: res.statusCode ?? 500, headers: out, body });
      }, reject);
    });
    req.on('error', reject);
    req.end(seen.body);
  });
}
