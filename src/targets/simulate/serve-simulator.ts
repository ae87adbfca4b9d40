import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SuiteError } from '../../errors.ts';
import type { HttpRequest, HttpResponse } from '../../model/http.ts';
import type { Simulator } from './simulator.ts';
import { stateChange } from './state-change.ts';

/** One request as the simulator logs it: no body, no query string (it may hold an API key). */
export interface SimulatorLogLine {
  readonly contract: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The documented response answered, or null (scripted, routing or simulator errors). */
  readonly documented: string | null;
  readonly remoteAddress: string;
  /** Why the request was refused or did not conform (never a secret), when it was. */
  readonly reason?: string;
  /** Why, in the suite's words (check id, departures accepted, the reason for a refusal); never a body value of a secret place. */
  readonly note?: string;
}

/** A route the server answers itself, before the simulator (e.g. POST /__simulator/reset). */
export interface ControlRoute {
  readonly method: string;
  readonly path: string;
  handle(request: HttpRequest): Promise<HttpResponse> | HttpResponse;
}

/** Where and how to serve. */
export interface ServeOptions {
  /** Always a loopback address. @default '127.0.0.1' */
  readonly host?: string;
  /** 0 lets the OS choose. */
  readonly port: number;
  /** Request bodies beyond this get 413. @default 1 MiB */
  readonly maxBodyBytes?: number;
  readonly onRequest?: (line: SimulatorLogLine) => void;
  /** Answered before the simulator, matched on method and exact path. @default [] */
  readonly routes?: readonly ControlRoute[];
}

/** A listening simulator. */
export interface ServedSimulator {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Serve a simulator over real HTTP on loopback. A request the simulator cannot handle gets a 500, never a crash. */
export async function serveSimulator(sim: Simulator, options: ServeOptions): Promise<ServedSimulator> {
  const host = options.host ?? '127.0.0.1';
  const max = options.maxBodyBytes ?? 1024 * 1024;
  const routes = options.routes ?? [];
  const server = createServer((req, res) => void handle(sim, routes, req, res, max, options.onRequest));
  // Above 1 s: fetch (undici) keeps a socket for the server's Keep-Alive timeout less 1 s, so 1 s made every request open a new connection.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new SuiteError('USAGE', `Port ${options.port} on ${host} is already in use; choose another with --port, or --port 0.`) : error),
    );
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(sim: Simulator, routes: readonly ControlRoute[], req: IncomingMessage, res: ServerResponse, max: number, log: ServeOptions['onRequest']): Promise<void> {
  const path = (req.url ?? '/').replace(/\?.*$/, '');
  const done = (status: number, headers: Record<string, string>, body: string, documented: string | null, why: { reason?: string | undefined; note?: string | undefined; contract?: string | undefined } = {}): void => {
    res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
    log?.({ contract: why.contract ?? sim.contract.id, method: req.method ?? '', path, status, documented, remoteAddress: req.socket.remoteAddress ?? '', ...(why.reason === undefined ? {} : { reason: why.reason }), ...(why.note === undefined ? {} : { note: why.note }) });
  };
  try {
    const body = await readBody(req, max);
    if (body === undefined) return done(413, { 'content-type': 'text/plain; charset=utf-8' }, `Request body larger than ${max} bytes.\n`, null);
    const request: HttpRequest = { method: req.method ?? 'GET', url: `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, headers: headersOf(req), body };
    const route = routes.find((r) => r.method === request.method.toUpperCase() && r.path === path);
    if (route !== undefined) {
      const answered = await route.handle(request);
      return done(answered.status, { ...answered.headers }, answered.body, null);
    }
    const answer = stateChange(sim, request) ?? (await sim.handle(request));
    done(answer.response.status, { ...answer.response.headers }, answer.response.body, answer.documented, { reason: answer.reason, note: answer.note, contract: answer.contract });
  } catch (error) {
    if (!res.headersSent) done(500, { 'content-type': 'text/plain; charset=utf-8' }, `Simulator error: ${(error as Error).message}\n`, null);
  }
}

function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}
