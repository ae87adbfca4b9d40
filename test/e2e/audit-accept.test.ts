import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasStackTrace, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { repoPath } from '../helpers/paths.ts';

const VARIANTS = repoPath('test/fixtures/audit/variants');
const STATUS_FILE = 'crmcom/invoices_update/invoice-not-draft.har';
const UNCHANGED_FILE = 'centra/invoices_Update/update-ok.har';

describe('conformance audit --accept', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-accept-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('copies only the drifted cases into the baseline, after which the audit shows no drift', async () => {
    const baseline = join(dir, 'baseline');
    const current = join(dir, 'current');
    await cp(join(VARIANTS, 'status-changed', 'baseline'), baseline, { recursive: true });
    await cp(join(VARIANTS, 'status-changed', 'current'), current, { recursive: true });
    // An unchanged case on both sides: it must not be rewritten.
    for (const root of [baseline, current]) await cp(repoPath('test/fixtures/audit/baseline', UNCHANGED_FILE), join(root, UNCHANGED_FILE));
    const before = await stat(join(baseline, UNCHANGED_FILE));

    const accepted = await runCommand(['audit', '--baseline', baseline, '--current', current, '--accept']);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('drift.status-changed');
    expect(accepted.stderr).toContain('1 file(s) written, 0 removed');
    expect(accepted.stderr).toContain(`written ${STATUS_FILE}`);
    expect(await readFile(join(baseline, STATUS_FILE), 'utf8')).toBe(await readFile(join(current, STATUS_FILE), 'utf8'));
    const after = await stat(join(baseline, UNCHANGED_FILE));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);

    const again = await runCommand(['audit', '--baseline', baseline, '--current', current]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('no drift');
  });

  it('deletes the baseline file of a case the current recordings no longer have', async () => {
    const baseline = join(dir, 'baseline');
    await cp(join(VARIANTS, 'case-removed', 'baseline'), baseline, { recursive: true });
    await cp(join(VARIANTS, 'case-removed', 'current'), join(dir, 'current'), { recursive: true });
    const result = await runCommand(['audit', '--baseline', baseline, '--current', join(dir, 'current'), '--accept']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('removed opsplanning/UpdateInvoicePaymentStatus/fault-server.har');
    await expect(stat(join(baseline, 'opsplanning/UpdateInvoicePaymentStatus/fault-server.har'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses with exit 1, naming the file but never the value, when a current recording fails the leak guard', async () => {
    const baseline = join(dir, 'baseline');
    await cp(join(VARIANTS, 'accept-leak', 'baseline'), baseline, { recursive: true });
    const file = 'centra/invoices_Update/update-ok.har';
    const original = await readFile(join(baseline, file), 'utf8');
    const result = await runCommand(['audit', '--baseline', baseline, '--current', join(VARIANTS, 'accept-leak', 'current'), '--accept']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: --accept refused, the baseline is unchanged.');
    expect(result.stderr).toContain(`${file}: secret #1`);
    expect(`${result.stdout}${result.stderr}`).not.toContain('Canary-Pass-7731');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await readFile(join(baseline, file), 'utf8')).toBe(original);
  });
});
