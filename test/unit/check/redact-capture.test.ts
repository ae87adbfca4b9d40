import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import { isSuiteError } from '../../../src/errors.ts';
import { planEntries } from '../../../src/check/plan-entries.ts';
import { readCapture, type Capture } from '../../../src/check/read-capture.ts';
import { redactCapture } from '../../../src/check/redact-capture.ts';
import { writeRedacted } from '../../../src/check/write-redacted.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { findSecrets } from '../../helpers/secret-scan.ts';
import { repoPath } from '../../helpers/paths.ts';

const SECRETS = ['CANARY-ebiz-sid-4f1d9a7c', 'CANARY-ebiz-pw-93be11d0', 'CANARYixkey0c7d2e91', 'CANARY-crm-token-5a8e7f01', 'CANARY-centra-pw-2b6f44aa', 'CANARY-ops-pw-e07c19b3'];
let contracts: Contract[] = [];
let dir = '';

async function capture(name: string): Promise<Capture> {
  const read = await readCapture(repoPath('test/fixtures/har', name));
  if (!read.ok) throw new Error(read.problem);
  return read.value;
}

beforeAll(async () => {
  contracts = (await loadAllContracts([repoPath('contracts')])).map((l) => l.contract);
  dir = await mkdtemp(join(tmpdir(), 'redact-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('redactCapture', () => {
  it('replaces every secret credential of every matched entry and lists the places in _redactions', async () => {
    const c = await capture('chrome-devtools-mixed-hosts.har');
    const redacted = redactCapture(c, planEntries(c.entries, contracts));
    expect(findSecrets(redacted.text, SECRETS)).toEqual([]);
    const doc = JSON.parse(redacted.text) as { log: { entries: Array<{ _redactions?: string[]; request: { queryString: Array<{ name: string; value: string }> } }> } };
    expect(doc.log.entries[2]?._redactions).toEqual(['body:/securityToken/Password', 'body:/securityToken/SecurityId']);
    expect(doc.log.entries[4]?.request.queryString).toEqual([{ name: 'api_key', value: '[redacted]' }]);
    expect(doc.log.entries[0]?._redactions).toEqual(['request-header:cookie']);
  });

  it('keeps user names and every other field, so the copy checks the same', async () => {
    const c = await capture('chrome-devtools-mixed-hosts.har');
    const redacted = redactCapture(c, planEntries(c.entries, contracts));
    expect(redacted.text).toContain('merchant1');
    expect(redacted.text).toContain('"_initiator"');
    expect(redacted.text).toContain('"serverIPAddress": "203.0.113.10"');
  });

  it('decodes a base64 body that held a secret so the secret can be replaced', async () => {
    const c = await capture('playwright-recordhar.har');
    const doc = JSON.parse(JSON.stringify(c.document)) as { log: { entries: Array<{ request: { postData: Record<string, unknown> } }> } };
    const entry = doc.log.entries[0];
    if (entry === undefined) throw new Error('no entry');
    entry.request.postData = { mimeType: 'text/xml', encoding: 'base64', text: Buffer.from(String(entry.request.postData['text'])).toString('base64') };
    const file = join(dir, 'b64.har');
    await writeFile(file, JSON.stringify(doc));
    const read = await readCapture(file);
    if (!read.ok) throw new Error(read.problem);
    const redacted = redactCapture(read.value, planEntries(read.value.entries, contracts));
    expect(findSecrets(redacted.text, SECRETS)).toEqual([]);
    expect(redacted.text).toContain('<data:Password>[redacted]</data:Password>');
  });
});

describe('writeRedacted', () => {
  it('runs the leak guard first: a text that still holds a secret is not written', async () => {
    const out = join(dir, 'leak.har');
    const input = repoPath('test/fixtures/har/polly.har');
    const error = await writeRedacted(input, out, '{"token":"CANARY-crm-token-5a8e7f01"}', ['CANARY-crm-token-5a8e7f01']).catch((e: unknown) => e);
    expect(isSuiteError(error) && error.code).toBe('SECRET_LEAK');
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses to replace the input itself or a symlink, and writes a new file otherwise', async () => {
    const input = join(dir, 'in.har');
    await writeFile(input, '{}');
    const refused = await writeRedacted(input, input, '{"clean":true}', []).catch((e: unknown) => e);
    expect(isSuiteError(refused) && refused.message).toMatch(/is the input capture; redact never overwrites it/);
    const link = join(dir, 'link.har');
    await symlink(join(dir, 'elsewhere.har'), link);
    const viaLink = await writeRedacted(input, link, '{"clean":true}', []).catch((e: unknown) => e);
    expect(isSuiteError(viaLink) && viaLink.message).toMatch(/is a symbolic link; refusing to replace it/);
    const out = join(dir, 'out.har');
    await writeRedacted(input, out, '{"clean":true}', []);
    expect(await readFile(out, 'utf8')).toBe('{"clean":true}');
  });
});
