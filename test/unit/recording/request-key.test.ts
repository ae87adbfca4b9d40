import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRequests, requestKey } from '../../../src/recording/compare-requests.ts';
import { readHar } from '../../../src/recording/read-har.ts';
import { entryRequest } from '../../../src/recording/entry-to-exchange.ts';
import type { HttpRequest } from '../../../src/model/http.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

async function recordedRequests(contractFile: string, dir: string): Promise<{ contract: Contract; requests: HttpRequest[] }> {
  const { contract } = await loadValidContract(repoPath(contractFile));
  const requests: HttpRequest[] = [];
  for (const name of (await readdir(repoPath(dir))).sort()) {
    const har = await readHar(join(repoPath(dir), name));
    if (har.ok) for (const entry of har.value.log.entries) requests.push(entryRequest(entry));
  }
  return { contract, requests };
}

describe('requestKey', () => {
  it('gives two recorded requests the same key exactly when replay matching finds no difference between them', async () => {
    for (const [file, dir] of [
      ['contracts/centra/invoices_Update.yaml', 'recordings/centra/invoices_Update'],
      ['contracts/crmcom/invoices_update.yaml', 'recordings/crmcom/invoices_update'],
      ['contracts/invoicexpress/invoices.update.yaml', 'recordings/invoicexpress/invoices.update'],
    ] as const) {
      const { contract, requests } = await recordedRequests(file, dir);
      expect(requests.length).toBeGreaterThan(5);
      for (const a of requests) {
        for (const b of requests) {
          const same = compareRequests(contract, a, b).length === 0;
          expect(requestKey(contract, a) === requestKey(contract, b)).toBe(same);
        }
      }
    }
  });

  it('ignores namespace prefixes and credential values but not a changed field value or method', async () => {
    const { contract, requests } = await recordedRequests('contracts/centra/invoices_Update.yaml', 'recordings/centra/invoices_Update');
    const base = requests[0] as HttpRequest;
    expect(base.body).toContain('ns1:');
    const prefixed = { ...base, body: base.body.replaceAll('ns1:', 'inv:').replaceAll('xmlns:ns1=', 'xmlns:inv=') };
    expect(requestKey(contract, prefixed)).toBe(requestKey(contract, base));
    const otherPassword = { ...base, body: base.body.replace(/<(\w+:)?password>[^<]*</, '<$1password>another-secret<') };
    expect(otherPassword.body).not.toBe(base.body);
    expect(requestKey(contract, otherPassword)).toBe(requestKey(contract, base));
    const otherId = { ...base, body: base.body.replace(/<ns1:id>[^<]*</, '<ns1:id>another id<') };
    expect(otherId.body).not.toBe(base.body);
    expect(requestKey(contract, otherId)).not.toBe(requestKey(contract, base));
    const otherMethod = { ...base, method: 'PUT' };
    expect(requestKey(contract, otherMethod)).not.toBe(requestKey(contract, base));
  });
});
