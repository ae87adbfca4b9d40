import { describe, expect, it } from 'vitest';
import { discoverContracts } from '../../../src/contract/discover-contracts.ts';
import { repoPath } from '../../helpers/paths.ts';

describe('discoverContracts', () => {
  it('finds contract files in nested folders, sorted, and leaves out README files', async () => {
    const files = await discoverContracts([repoPath('test/fixtures/contracts/invalid')]);
    expect(files.length).toBe(13);
    expect(files).toEqual([...files].sort());
    expect(files.every((f) => f.endsWith('.yaml'))).toBe(true);
    expect(files.some((f) => f.endsWith('invalid/id-path-mismatch/centra/invoices_Upsert.yaml'))).toBe(true);
  });

  it('leaves out *.schema.json files next to contracts', async () => {
    const files = await discoverContracts([repoPath('contracts')]);
    expect(files.some((f) => f.endsWith('contract.schema.json'))).toBe(false);
    expect(files.some((f) => f.endsWith('centra/invoices_Update.yaml'))).toBe(true);
  });

  it('takes a file given by name as it is, once', async () => {
    const file = repoPath('contracts/centra/invoices_Update.yaml');
    expect(await discoverContracts([file, file])).toEqual([file]);
  });

  it('rejects a path that does not exist (the CLI turns this into a usage error)', async () => {
    await expect(discoverContracts([repoPath('test/fixtures/contracts/does-not-exist')])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
