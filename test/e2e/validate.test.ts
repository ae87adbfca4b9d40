import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, type CliResult, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

const INVALID = 'test/fixtures/contracts/invalid';

let invalidFolder: Promise<CliResult> | undefined;
/** `validate` on the whole folder of invalid fixtures, run once: it lists the problems of every file. */
function validateInvalidFolder(): Promise<CliResult> {
  invalidFolder ??= runCommand(['validate', INVALID]);
  return invalidFolder;
}

describe.concurrent('conformance validate', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  // A real subprocess of the bin; the other tests call the command in-process.
  it('exits 0 and names each valid contract', async () => {
    const result = await runCli(['validate', 'contracts/centra']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('ok contracts/centra/invoices_Update.yaml (centra/invoices_Update: 7 cases, 6 responses)\n');
  });

  it('exits 2 and prints file:line:col and additionalProperties for an unknown key', async () => {
    const file = `${INVALID}/unknown-key/centra/invoices_Update.yaml`;
    const result = await validateInvalidFolder();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:61:41: additionalProperties: unknown key "requried"`);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('exits 2 and prints file:line:col and type for a value of the wrong type', async () => {
    const file = `${INVALID}/wrong-type/centra/invoices_Update.yaml`;
    const result = await validateInvalidFolder();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:37:13: type: credentials.password.secret must be of type boolean`);
  });

  it('reports the problems of every file in a folder, not just the first file', async () => {
    const result = await validateInvalidFolder();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: \d+ problem\(s\) in contract files:\n/);
    const files = new Set(result.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(':')[0]));
    expect(files.size).toBe(13);
  });
});
