import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { ContractCoverage } from '../../src/coverage/coverage.ts';
import { repoPath } from '../helpers/paths.ts';
import { runCli, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

const ISSUE3 = 'test/fixtures/issue3';

/** The `contractCoverage` definition of the JSON report schema, compiled. */
function contractCoverageValidator(): ReturnType<Ajv['compile']> {
  const schema = JSON.parse(readFileSync(repoPath('reporters/json-report.schema.json'), 'utf8')) as { $id: string };
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(schema);
  const validate = ajv.getSchema(`${schema.$id}#/definitions/contractCoverage`);
  if (validate === undefined) throw new Error('json-report.schema.json has no contractCoverage definition');
  return validate;
}

describe.concurrent('conformance coverage', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  it('exits 0 and lists the OpsPlanning contract with all its items covered (N/N)', async () => {
    // A real subprocess of the bin; the other tests call the command in-process.
    const result = await runCli(['coverage', '--vendor', 'opsplanning', '--contracts', 'contracts/opsplanning']);
    expect(result.code).toBe(0);
    const line = result.stdout.split('\n').find((l) => l.includes('opsplanning/UpdateInvoicePaymentStatus'));
    expect(line).toMatch(/^ ✓ opsplanning\/UpdateInvoicePaymentStatus +(\d+)\/\1 {2}\(\d+ fields, \d+ responses, \d+ rules, \d+ behaviours\)$/);
  });

  it('prints --json items that validate against contractCoverage, exits 1 and names a response no case exercises', async () => {
    const result = await runCommand(['coverage', '--json', '--contracts', `${ISSUE3}/contracts/unexercised-response`, '--recordings', `${ISSUE3}/recordings`]);
    expect(result.code).toBe(1);
    const coverage = JSON.parse(result.stdout) as ContractCoverage[];
    expect(Array.isArray(coverage)).toBe(true);
    const validate = contractCoverageValidator();
    for (const item of coverage) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    const [ops] = coverage;
    expect(ops?.items.filter((i) => !i.covered)).toEqual([{ kind: 'response', id: 'response service-unavailable', passing: [], failing: [], missed: [], covered: false }]);
    expect(ops).toMatchObject({ contract: 'opsplanning/UpdateInvoicePaymentStatus', covered: (ops?.total ?? 0) - 1 });
  });

  it('--help exits 0 and documents the exit codes', async () => {
    const result = await runCommand(['coverage', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: conformance coverage [options]');
    expect(result.stdout).toContain('Exit codes: 0 every item covered, 1 an item lacks');
  });
});
