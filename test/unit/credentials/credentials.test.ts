import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { readCredentialsFile } from '../../../src/credentials/read-credentials-file.ts';
import { resolveLiveAccess } from '../../../src/credentials/resolve-access.ts';
import { isSuiteError } from '../../../src/errors.ts';
import { repoPath } from '../../helpers/paths.ts';

async function problem(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return '';
  } catch (error) {
    if (!isSuiteError(error)) throw error;
    return [error.message, ...error.details].join('\n');
  }
}

describe('live credentials', () => {
  let dir: string;
  let contracts: Contract[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-creds-'));
    contracts = (await loadAllContracts([repoPath('contracts')])).map((l) => l.contract);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a YAML credentials file of mode 600', async () => {
    const file = join(dir, 'ok.yaml');
    await writeFile(file, 'centra:\n  username: u\n  password: "pw-value-1"\n  baseUrl: http://127.0.0.1:9\n');
    await chmod(file, 0o600);
    expect(await readCredentialsFile(file)).toEqual({ centra: { username: 'u', password: 'pw-value-1', baseUrl: 'http://127.0.0.1:9' } });
  });

  it('refuses a credentials file the group or others can read, telling how to fix it', async () => {
    const file = join(dir, 'open.json');
    await writeFile(file, '{"centra":{"password":"pw-value-2"}}');
    await chmod(file, 0o644);
    const message = await problem(() => readCredentialsFile(file));
    expect(message).toContain('mode 644 lets the group or others read it');
    expect(message).toContain('chmod 600');
    expect(message).not.toContain('pw-value-2');
  });

  it('refuses a malformed file without quoting its content', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'centra:\n  password: [pw-value-3\n');
    await chmod(file, 0o600);
    const message = await problem(() => readCredentialsFile(file));
    expect(message).toContain('not valid JSON or YAML');
    expect(message).not.toContain('pw-value-3');
  });

  it('refuses a file that is not UTF-8 by position only, never naming a byte of it (a password read as U+FFFD would fail every login)', async () => {
    const file = join(dir, 'latin1.yaml');
    await writeFile(file, Buffer.from('centra:\n  password: "pw-välue-4"\n', 'latin1'));
    await chmod(file, 0o600);
    const message = await problem(() => readCredentialsFile(file));
    expect(message).toBe(`Credentials file ${file}: not UTF-8 text: a byte at byte 26 (line 2, column 18) is not part of a UTF-8 character; save it as UTF-8`);
  });

  it('names every missing variable of the selected vendors, never a value', async () => {
    const centra = contracts.filter((c) => c.vendor === 'centra' || c.vendor === 'invoicexpress');
    const message = await problem(() => resolveLiveAccess(centra, { CENTRA_BASE_URL: 'http://127.0.0.1:9', CENTRA_USERNAME: 'user-value-4' }, undefined));
    expect(message).toContain('centra/invoices_Update: CENTRA_PASSWORD');
    expect(message).toContain('invoicexpress/invoices.update: INVOICEXPRESS_BASE_URL, INVOICEXPRESS_API_KEY');
    expect(message).not.toContain('user-value-4');
  });

  it('takes base URLs and credentials from the environment, optional ones only when set', () => {
    const ebiz = contracts.filter((c) => c.id === 'ebizcharge/UpdateInvoice');
    const access = resolveLiveAccess(ebiz, { EBIZCHARGE_BASE_URL: 'http://127.0.0.1:9/', EBIZCHARGE_SECURITY_ID: 'sec-value-5' }, undefined);
    expect(access.baseUrls).toEqual({ 'ebizcharge/UpdateInvoice': 'http://127.0.0.1:9' });
    expect(access.credentials['ebizcharge/UpdateInvoice']).toEqual({ securityId: 'sec-value-5' });
  });

  it('refuses a base URL carrying a user and password', async () => {
    const ebiz = contracts.filter((c) => c.vendor === 'ebizcharge');
    const message = await problem(() => resolveLiveAccess(ebiz, { EBIZCHARGE_BASE_URL: 'https://u:pw-value-6@example.invalid', EBIZCHARGE_SECURITY_ID: 's' }, undefined));
    expect(message).toContain('must not carry a user name or password');
    expect(message).not.toContain('pw-value-6');
  });
});
