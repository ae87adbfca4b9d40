import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/contract/load-contract.ts';
import { contractFieldCoverage, type MutationBases, type PartCoverage } from '../../../src/mutations/contract-field-coverage.ts';
import { cachedFieldCoverage } from '../../../src/mutations/coverage-cache.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { CENTRA_CONTRACT } from '../../helpers/paths.ts';
import { ownTmpdir } from '../../helpers/own-tmpdir.ts';

const BASES: MutationBases = {
  requestBodies: [{ name: 'case-a', data: { invoice: { id: 'A1' } } }],
  requestHeaders: [],
  responses: new Map([['ok', [{ name: 'case-a', data: { status: 'ok' } }]]]),
};
const PARTS: PartCoverage[] = [{ part: 'request', fields: [{ field: '/invoice/id', passing: 'case-a', mutations: [{ constraint: 'required', detected: true, rule: 'required' }] }] }];

async function centra(): Promise<Contract> {
  const loaded = await loadContract(CENTRA_CONTRACT);
  if (!loaded.ok) throw new Error('the Centra contract should load');
  return loaded.value.contract;
}

describe('cachedFieldCoverage', () => {
  const storeFolder = ownTmpdir('conformance-coverage-');
  let derived: number;
  const derive = (): PartCoverage[] => {
    derived += 1;
    return structuredClone(PARTS);
  };

  beforeEach(() => {
    derived = 0;
  });

  async function entries(): Promise<string[]> {
    const dir = storeFolder('coverage');
    return (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  }

  it('derives once for the same contract and recorded data, and reuses the stored result in the same build', async () => {
    const contract = await centra();
    expect(cachedFieldCoverage(contract, BASES, derive, 'build-1')).toEqual(PARTS);
    expect(cachedFieldCoverage(structuredClone(contract), structuredClone(BASES), derive, 'build-1')).toEqual(PARTS);
    expect(derived).toBe(1);
    const [entry] = await entries();
    expect((await stat(entry ?? '')).mode & 0o777).toBe(0o600);
  });

  it('derives again when a recording, the contract or the build changed', async () => {
    const contract = await centra();
    cachedFieldCoverage(contract, BASES, derive, 'build-1');
    cachedFieldCoverage(contract, { ...BASES, requestBodies: [{ name: 'case-a', data: { invoice: { id: 'A2' } } }] }, derive, 'build-1');
    cachedFieldCoverage({ ...contract, request: { ...contract.request, fields: contract.request.fields.slice(1) } }, BASES, derive, 'build-1');
    cachedFieldCoverage(contract, BASES, derive, 'build-2');
    expect(derived).toBe(4);
  });

  it('ignores a stored result edited to hide a missed mutation, and derives again', async () => {
    const contract = await centra();
    cachedFieldCoverage(contract, BASES, derive, 'build-1');
    const [entry] = await entries();
    const text = await readFile(entry ?? '', 'utf8');
    const edited = text.replace('"detected":true', '"detected":false');
    expect(edited).not.toBe(text);
    await writeFile(entry ?? '', edited);
    expect(cachedFieldCoverage(contract, BASES, derive, 'build-1')).toEqual(PARTS);
    expect(derived).toBe(2);
  });

  it('caches nothing without a build id (running from the sources, which can change under one version)', async () => {
    const contract = await centra();
    cachedFieldCoverage(contract, BASES, derive, undefined);
    cachedFieldCoverage(contract, BASES, derive, undefined);
    expect(derived).toBe(2);
  });

  it('gives the same field coverage through the cache as derived directly', async () => {
    const contract = await centra();
    const direct = contractFieldCoverage(contract, BASES);
    expect(direct.length).toBeGreaterThan(0);
    const viaCache = () => contractFieldCoverage(contract, BASES);
    expect(cachedFieldCoverage(contract, BASES, viaCache, 'build-1')).toEqual(direct);
    expect(cachedFieldCoverage(contract, BASES, () => [], 'build-1')).toEqual(direct);
  });
});
