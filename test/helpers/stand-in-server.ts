import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer of a stand-in. */
export interface CannedAnswer {
  readonly status: number;
  /** Sent as Content-Type when given. */
  readonly contentType?: string;
  readonly body: string;
}

/** A running stand-in: base URL per answer name, and the requests it saw. */
export interface StandInServer {
  /** `http://127.0.0.1:PORT/<name>`: every request under it gets that answer. */
  baseUrl(name: string): string;
  readonly seen: { readonly name: string; readonly method: string; readonly path: string }[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server (port 0) standing in for a vendor, or for whatever a wrong base URL
 * reaches: the first path segment names the canned answer; every request under it gets it.
 */
export async function startStandIn(answers: Readonly<Record<string, CannedAnswer>>): Promise<StandInServer> {
  const seen: { name: string; method: string; path: string }[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    const name = path.split('/')[1] ?? '';
    seen.push({ name, method: req.method ?? '', path });
    req.resume();
    req.on('end', () => {
      const answer = answers[name] ?? { status: 404, contentType: 'text/plain', body: 'no such stand-in' };
      res.writeHead(answer.status, answer.contentType === undefined ? {} : { 'content-type': answer.contentType }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: (name) => `http://127.0.0.1:${port}/${name}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
