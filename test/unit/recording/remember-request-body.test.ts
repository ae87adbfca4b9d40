import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberRequestBody, requestKey } from '../../../src/recording/compare-requests.ts';
import { readHar } from '../../../src/recording/read-har.ts';
import { entryRequest } from '../../../src/recording/entry-to-exchange.ts';
import { protocolFor } from '../../../src/protocols/index.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

async function centraRequests(): Promise<HttpRequest[]> {
  const dir = repoPath('recordings/centra/invoices_Update');
  const out: HttpRequest[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const har = await readHar(join(dir, name));
    if (har.ok) for (const entry of har.value.log.entries) out.push(entryRequest(entry));
  }
  return out;
}

describe('rememberRequestBody', () => {
  it('keys a body decoded by its caller exactly as requestKey keys it by decoding it itself', async () => {
    const requests = await centraRequests();
    const unreadable: HttpRequest = { ...(requests[0] as HttpRequest), body: '<Envelope><unclosed>' };
    // Two loads of the same contract are two objects: each has its own (empty) remembered keys.
    const decodesItself = (await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'))).contract;
    const primed = (await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'))).contract;
    const protocol = protocolFor(primed.protocol);
    for (const r of [...requests, unreadable]) {
      const message = protocol.readMessage(r.body);
      rememberRequestBody(primed, r.body, message, protocol.decodeRequest(primed, message));
    }
    expect(requests.length).toBeGreaterThan(5);
    for (const r of [...requests, unreadable]) expect(requestKey(primed, r)).toBe(requestKey(decodesItself, r));
    expect(new Set(requests.map((r) => requestKey(primed, r))).size).toBeGreaterThan(1);
  });
});
