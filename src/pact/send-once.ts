import { request as httpRequest } from 'node:http';

/**
 * Send one request on a fresh connection and read the whole answer. The FFI's mock servers come
 * and go on reused ports; a pooled keep-alive connection (fetch's default) could hit a closed one.
 */
export function sendOnce(url: string, method: string, headers: Readonly<Record<string, string>>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { ...headers, ...(body === '' ? {} : { 'content-length': String(Buffer.byteLength(body)) }) }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === '' ? undefined : body);
  });
}
