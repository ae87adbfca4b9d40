import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One exchange as a recording proxy saw it: enough for a HAR 1.2 entry. */
interface Seen {
  readonly startedDateTime: string;
  readonly time: number;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: ReadonlyArray<readonly [string, string]>;
  readonly requestBody: string;
  readonly status: number;
  readonly statusText: string;
  readonly responseHeaders: ReadonlyArray<readonly [string, string]>;
  readonly responseBody: string;
}

/** A HAR recorder shared by several proxies (one per upstream), in the order exchanges finished. */
export interface HarRecorder {
  /** Start a loopback proxy that forwards every request to `upstream` and records the exchange. */
  proxy(upstream: string): Promise<{ readonly baseUrl: string; close(): Promise<void> }>;
  /** The recorded exchanges as a HAR 1.2 document, written the way a recording proxy writes it (no `_` fields). */
  har(): unknown;
}

/** A recorder for the traffic an integration sends through it, as a team would capture it with a proxy. */
export function createHarRecorder(): HarRecorder {
  const seen: Seen[] = [];
  return {
    async proxy(upstream) {
      const server = createServer((req, res) => {
        void forward(req, upstream).then((s) => {
          seen.push(s);
          res.writeHead(s.status, Object.fromEntries(s.responseHeaders.filter(([n]) => n !== 'content-length' && n !== 'transfer-encoding')));
          res.end(s.responseBody);
        }, (error: unknown) => {
          res.writeHead(502).end(String(error));
        });
      });
      const baseUrl = await listen(server);
      return { baseUrl, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    },
    har() {
      return { log: { version: '1.2', creator: { name: 'test recording proxy', version: '1' }, entries: seen.map(toEntry) } };
    },
  };
}

async function forward(req: IncomingMessage, upstream: string): Promise<Seen> {
  const started = Date.now();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const host = req.headers.host ?? '';
  const requestHeaders = Object.entries(req.headers).flatMap(([n, v]) => (v === undefined ? [] : [[n, Array.isArray(v) ? v.join(', ') : v] as const]));
  const target = new URL(req.url ?? '/', upstream);
  const headers = requestHeaders.filter(([n]) => !['host', 'connection', 'content-length'].includes(n));
  const res = await fetch(target, { method: req.method ?? 'GET', headers: Object.fromEntries(headers), ...(body === '' ? {} : { body }) });
  const responseBody = await res.text();
  return {
    startedDateTime: new Date(started).toISOString(),
    time: Date.now() - started,
    method: req.method ?? 'GET',
    url: `http://${host}${req.url ?? '/'}`,
    requestHeaders,
    requestBody: body,
    status: res.status,
    statusText: res.statusText,
    responseHeaders: [...res.headers.entries()],
    responseBody,
  };
}

function toEntry(s: Seen): unknown {
  const pairs = (h: ReadonlyArray<readonly [string, string]>) => h.map(([name, value]) => ({ name, value }));
  const type = (h: ReadonlyArray<readonly [string, string]>) => h.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  return {
    startedDateTime: s.startedDateTime,
    time: s.time,
    request: { method: s.method, url: s.url, httpVersion: 'HTTP/1.1', cookies: [], headers: pairs(s.requestHeaders), queryString: [...new URL(s.url).searchParams].map(([name, value]) => ({ name, value })), ...(s.requestBody === '' ? {} : { postData: { mimeType: type(s.requestHeaders), text: s.requestBody } }), headersSize: -1, bodySize: Buffer.byteLength(s.requestBody) },
    response: { status: s.status, statusText: s.statusText, httpVersion: 'HTTP/1.1', cookies: [], headers: pairs(s.responseHeaders), content: { size: Buffer.byteLength(s.responseBody), mimeType: type(s.responseHeaders), text: s.responseBody }, redirectURL: '', headersSize: -1, bodySize: Buffer.byteLength(s.responseBody) },
    cache: {},
    timings: { send: 0, wait: s.time, receive: 0 },
  };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : '');
    });
  });
}
