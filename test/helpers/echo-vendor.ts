import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the echo vendor received, as text: method, URL, headers and body. */
export interface EchoedRequest {
  readonly dump: string;
}

/** A running echo vendor. */
export interface EchoVendor {
  readonly baseUrl: string;
  readonly received: EchoedRequest[];
  close(): Promise<void>;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlAttr = (s: string): string => xml(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const json = (s: string): string => JSON.stringify(s).slice(1, -1);
const b64 = (s: string): string => Buffer.from(s).toString('base64');

/**
 * The request, echoed in composite encodings, as vendors' error pages do: double XML-escaped,
 * XML-escaped then URL-encoded, double JSON-escaped, base64 of the escaped body, base64url of the
 * JSON-escaped body, form-encoded, XML numeric references. Each is a plain string, to be placed
 * into a body with the escaping that body's syntax needs on top.
 */
export function echoes(dump: string): Record<string, string> {
  return {
    raw: dump,
    doubleXml: xml(xml(dump)),
    xmlThenUrl: encodeURIComponent(xml(dump)),
    doubleJson: json(json(dump)),
    base64OfEscaped: b64(xml(dump)),
    base64: b64(dump),
    base64urlOfJson: Buffer.from(json(dump)).toString('base64url'),
    form: new URLSearchParams({ e: dump }).toString().slice(2),
    numericRefs: dump.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
  };
}

/**
 * A loopback vendor that answers every request with an error that echoes the request (method,
 * URL, headers, body) in composite encodings: a SOAP 1.1 Fault (500) when the request is SOAP, a
 * JSON error (400) for JSON, an XML `<errors>` (422) otherwise. The echoes sit in the fault
 * string (which the suite reports as the vendor's message), in detail elements, in an attribute
 * and in a response header.
 */
export async function startEchoVendor(): Promise<EchoVendor> {
  const received: EchoedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const dump = dumpOf(req, Buffer.concat(chunks).toString('utf8'));
      received.push({ dump });
      const e = echoes(dump);
      const header = { 'x-echo': b64(dump) };
      if (req.headers['soapaction'] !== undefined) {
        const details = Object.entries(e).map(([k, v]) => `<${k}>${xml(v)}</${k}>`).join('');
        const body = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid request: ${xml(dump)}</faultstring><detail><echo request="${xmlAttr(dump)}">${details}</echo></detail></soap:Fault></soap:Body></soap:Envelope>`;
        res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8', ...header }).end(body);
      } else if ((req.headers['content-type'] ?? '').includes('json')) {
        res.writeHead(400, { 'content-type': 'application/json', ...header }).end(JSON.stringify({ error: { code: 'INVALID', message: `Invalid request: ${dump}`, echoes: e } }));
      } else {
        const errors = Object.values(e).map((v) => `<error>${xml(v)}</error>`).join('');
        res.writeHead(422, { 'content-type': 'application/xml; charset=utf-8', ...header }).end(`<?xml version="1.0" encoding="UTF-8"?><errors><error>Invalid request: ${xml(dump)}</error>${errors}</errors>`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function dumpOf(req: IncomingMessage, body: string): string {
  const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : (v ?? '')}`).join('\n');
  return `${req.method ?? ''} ${req.url ?? ''}\n${headers}\n\n${body}`;
}
