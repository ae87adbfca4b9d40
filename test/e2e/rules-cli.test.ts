import { describe, expect, it } from 'vitest';
import { hasStackTrace, type CliResult, QUEUED_TEST_TIMEOUT_MS } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';
import { failedChecks, failuresOf, runReport } from '../helpers/run-report.ts';

const ISSUE3 = 'test/fixtures/issue3';
const OPSPLANNING = 'opsplanning/UpdateInvoicePaymentStatus';

function buildOpsplanning(...args: string[]): Promise<CliResult> {
  return runCommand(['build', OPSPLANNING, '--contracts', 'contracts/opsplanning', ...args]);
}

function parseCrmcom(response: string): Promise<CliResult> {
  return runCommand(['parse', 'crmcom/invoices_update', '--contracts', 'contracts/crmcom', '--response', response]);
}

function json(result: CliResult): { outcome: string; conformant: boolean; violations: { rule: string; message: string; params?: { rule?: string } }[] } {
  return JSON.parse(result.stdout) as ReturnType<typeof json>;
}

describe.concurrent('contract rules from the command line', { timeout: QUEUED_TEST_TIMEOUT_MS }, () => {
  it('build exits 1 and names the rule for an input with a PaymentComment and PaidFlag false', async () => {
    const result = await buildOpsplanning('--input', `${ISSUE3}/inputs/opsplanning-comment-when-unpaid.json`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('violation rule at request.Parameters[0]: Rule payment-comment-only-when-paid. Received: PaidFlag = "false", PaymentComment = "Client just mailed in the check" / Documented: ');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('build exits 0 for case mark-paid, which keeps the rule', async () => {
    const result = await buildOpsplanning('--case', 'mark-paid');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('<data:PaidFlag>true</data:PaidFlag>');
  });

  it('parse exits 1 and names invoice-totals for the doc Example 2 response with total_amount changed', async () => {
    const result = await parseCrmcom(`${ISSUE3}/recordings-crmcom-total-changed/crmcom/invoices_update/update-example-2.har`);
    expect(result.code).toBe(1);
    const parsed = json(result);
    expect(parsed).toMatchObject({ outcome: 'ok', conformant: false });
    expect(parsed.violations).toEqual([expect.objectContaining({ rule: 'rule', params: { rule: 'invoice-totals' } })]);
    expect(parsed.violations[0]?.message).toMatch(/^Rule invoice-totals\. Received: .*data\.total_amount = 38\.31 \/ Documented: /);
  });

  it('parse exits 0 for the untouched doc Example 2 response', async () => {
    const result = await parseCrmcom('recordings/crmcom/invoices_update/update-example-2.har');
    expect(result.code).toBe(0);
    expect(json(result)).toMatchObject({ outcome: 'ok', conformant: true, violations: [] });
  });

  it('run fails request.rules and request.build with expected-rule-held for a negative case whose input keeps the rule it names', async () => {
    const { code, report } = await runReport(['--contracts', `${ISSUE3}/contracts/expected-rule-held`, '--recordings', `${ISSUE3}/recordings`]);
    expect(code).toBe(1);
    expect(failedChecks(report)).toEqual(['request.build', 'request.rules']);
    for (const check of ['request.build', 'request.rules']) {
      expect(failuresOf(report, check).map((r) => [r.case, r.violations.map((v) => `${v.rule} ${v.path}`)])).toEqual([['not-issued', ['expected-rule-held payment-comment-only-when-paid']]]);
    }
  });

  it('validate exits 2 naming file:line:col and the problem for an invalid JSONata expression and dangling references', async () => {
    const result = await runCommand(['validate', `${ISSUE3}/contracts/invalid`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: 3 problem\(s\) in contract files:\n/);
    const file = (variant: string): string => `${ISSUE3}/contracts/invalid/${variant}/${OPSPLANNING}.yaml`;
    expect(result.stderr).toContain(`${file('invalid-expression')}:222:5: invalid-expression: JSONata does not compile: `);
    expect(result.stderr).toContain(`${file('dangling-response')}:224:5: dangling-response: response "comment-when-not-paid" is not declared under responses`);
    expect(result.stderr).toContain(`${file('dangling-rule')}:197:62: dangling-rule: rule "payment-comment-only-if-paid" is not declared under rules`);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
