import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestEnvelope, requestKey } from '../../../src/recording/compare-requests.ts';
import { readHar } from '../../../src/recording/read-har.ts';
import { entryRequest } from '../../../src/recording/entry-to-exchange.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

async function requestsIn(dir: string): Promise<HttpRequest[]> {
  const out: HttpRequest[] = [];
  for (const name of (await readdir(repoPath(dir))).sort()) {
    const har = await readHar(join(repoPath(dir), name));
    if (har.ok) for (const entry of har.value.log.entries) out.push(entryRequest(entry));
  }
  return out;
}

describe('requestEnvelope', () => {
  it('is equal for any two requests with equal keys, and differs when the method, path, SOAPAction or media type does', async () => {
    const { contract } = await loadValidContract(repoPath('contracts/centra/invoices_Update.yaml'));
    const requests = await requestsIn('recordings/centra/invoices_Update');
    // Credentials aside, these keys are equal to their originals: the envelope must be too.
    const sameKey = requests.map((r) => ({ ...r, headers: { ...r.headers, 'content-type': `${r.headers['content-type'] ?? 'text/xml'}; charset=utf-8` } }));
    for (const [i, r] of requests.entries()) {
      const other = sameKey[i] as HttpRequest;
      expect(requestKey(contract, other)).toBe(requestKey(contract, r));
      expect(requestEnvelope(other)).toBe(requestEnvelope(r));
    }
    const r = requests[0] as HttpRequest;
    expect(requestEnvelope({ ...r, method: 'PUT' })).not.toBe(requestEnvelope(r));
    expect(requestEnvelope({ ...r, url: `${r.url}x` })).not.toBe(requestEnvelope(r));
    expect(requestEnvelope({ ...r, headers: { ...r.headers, soapaction: '"urn:other"' } })).not.toBe(requestEnvelope(r));
    expect(requestEnvelope({ ...r, headers: { ...r.headers, 'content-type': 'application/json' } })).not.toBe(requestEnvelope(r));
  });
});
