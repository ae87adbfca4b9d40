import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHttp } from '../../../src/targets/http-client.ts';
import { repoPath } from '../../helpers/paths.ts';

/** A loopback vendor that answers `/<fixture>?type=<content-type>` with the fixture's exact bytes. */
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': url.searchParams.get('type') ?? 'application/xml' });
    res.end(readFileSync(repoPath('test/fixtures/hostile/bodies', url.pathname.slice(1))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const get = (file: string, type: string) =>
  sendHttp({ method: 'GET', url: `${base}/${file}?type=${encodeURIComponent(type)}`, headers: {}, body: '' });

describe('sendHttp decodes bodies by their charset', () => {
  it('reads a Latin-1 answer with its accented letters, not U+FFFD', async () => {
    const sent = await get('xml-latin1-declared.xml', 'application/xml; charset=ISO-8859-1');
    expect(sent.ok && sent.exchange.response.body).toContain('não pode ser alterada');
  });

  it('reads a UTF-16 answer without a byte-order mark', async () => {
    const sent = await get('xml-utf16be-nobom.xml', 'application/xml; charset=utf-16be');
    expect(sent.ok && sent.exchange.response.body).toContain('<errors>');
  });

  it('fails clearly when the header and the declaration disagree', async () => {
    const sent = await get('xml-latin1-declared.xml', 'application/xml; charset=utf-8');
    expect(sent).toMatchObject({ ok: false, kind: 'body-encoding' });
    expect(sent.ok ? '' : sent.problem).toMatch(/^the response from 127\.0\.0\.1:\d+: Cannot decode the body: the Content-Type says charset=utf-8 but the XML declaration says iso-8859-1\.$/);
  });

  it('fails clearly on an unknown charset', async () => {
    const sent = await get('xml-latin1-undeclared.xml', 'application/xml; charset=x-unknown');
    expect(sent.ok ? '' : sent.problem).toContain('"x-unknown" is not an encoding');
  });
});
