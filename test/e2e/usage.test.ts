import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

const CENTRA = ['--contracts', 'contracts/centra'];

describe.concurrent('usage errors exit 2 with a clear message and no stack trace', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  it.each<[string, string[], string]>([
    ['an unknown flag', ['run', '--bogus'], "error: unknown option '--bogus'"],
    ['an unknown command', ['frobnicate'], "error: unknown command 'frobnicate'"],
    ['an unknown vendor', ['run', ...CENTRA, '--vendor', 'nope'], 'error: Unknown vendor nope. Known vendors: centra.'],
    ['an unknown reporter', ['run', ...CENTRA, '--reporter', 'xml'], 'error: Unknown reporter "xml" in --reporter xml. Known reporters: console, json, junit, markdown, html, github.'],
    [
      'a missing --response file',
      ['parse', 'centra/invoices_Update', ...CENTRA, '--response', 'test/fixtures/responses/centra/does-not-exist.xml'],
      'error: --response test/fixtures/responses/centra/does-not-exist.xml: cannot read (ENOENT)',
    ],
    [
      'a --status that is not a number',
      ['parse', 'centra/invoices_Update', ...CENTRA, '--response', 'test/fixtures/responses/centra/fault-server.xml', '--status', 'abc'],
      'error: --status abc is not an HTTP status code (100-599).',
    ],
    ['an unknown contract id', ['parse', 'nope/op', ...CENTRA, '--response', 'test/fixtures/responses/centra/fault-server.xml'], 'error: Unknown contract "nope/op". Known contracts: centra/invoices_Update.'],
  ])('for %s', async (_what, args, message) => {
    // The first (an unknown flag) as a real subprocess of the bin, the others in-process.
    const result = await (args[1] === '--bogus' ? runCli : runCommand)(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stdout).toBe('');
  });
});

describe.concurrent('--help', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  it.each<[string, string[]]>([
    ['conformance', []],
    ['run', ['run']],
    ['validate', ['validate']],
    ['build', ['build']],
    ['parse', ['parse']],
  ])('prints the usage of %s and exits 0', async (name, command) => {
    // The top-level usage as a real subprocess of the bin, each command's in-process.
    const result = await (command.length === 0 ? runCli : runCommand)([...command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: conformance${name === 'conformance' ? '' : ` ${name}`} \\[options\\]`));
    expect(result.stdout).toContain('--help');
    expect(result.stderr).toBe('');
  });
});
