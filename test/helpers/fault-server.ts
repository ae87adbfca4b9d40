import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fault server saw. */
export interface FaultLogLine {
  readonly method: string;
  readonly path: string;
  readonly remoteAddress: string;
}

/** A running fault server. */
export interface FaultServer {
  readonly baseUrl: string;
  readonly log: FaultLogLine[];
  close(): Promise<void>;
}

type Fault = (res: ServerResponse) => void;

/**
 * A tiny loopback HTTP server that misbehaves on purpose, one path per fault: /slow (answers after
 * 2 s), /reset (destroys the socket), /429 (Retry-After: 1), /500, /truncated (promises 100 bytes,
 * sends 10), /html (a 200 text/html page), /big (2 MB), /ok. Every request is logged.
 */
export async function startFaultServer(): Promise<FaultServer> {
  const log: FaultLogLine[] = [];
  const faults: Record<string, Fault> = {
    '/slow': (res) => {
      const timer = setTimeout(() => res.end('late'), 2000);
      res.on('close', () => clearTimeout(timer));
    },
    '/reset': (res) => res.socket?.destroy(),
    '/429': (res) => res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('slow down'),
    '/500': (res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
    '/truncated': (res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '100' });
      res.write('<partial>x');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    '/html': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Gateway page</body></html>'),
    '/big': (res) => res.writeHead(200, { 'content-type': 'text/xml' }).end('x'.repeat(2 * 1024 * 1024)),
    '/ok': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    log.push({ method: req.method ?? '', path, remoteAddress: req.socket.remoteAddress ?? '' });
    req.resume();
    req.on('end', () => (faults[path] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
