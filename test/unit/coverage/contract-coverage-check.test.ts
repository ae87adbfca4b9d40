import { beforeAll, describe, expect, it } from 'vitest';
import { coverage } from '../../../suites/contract/coverage.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { contractCoverage, coverageItem, type CoverageItem } from '../../../src/coverage/coverage.ts';
import { runFieldMutations, type FieldCoverage, type MutationBase } from '../../../src/mutations/run-field-mutations.ts';
import { fieldsToSchema } from '../../../src/protocols/shared/fields-to-schema.ts';
import { validateSchema } from '../../../src/protocols/shared/validate-schema.ts';
import type { Violation } from '../../../src/model/violation.ts';
import { violationsOf } from '../../helpers/check-outcomes.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS, repoPath } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

/** Preparing a contract replays every case and runs every mutation: allow for a loaded machine. */
const PREPARE_TIMEOUT_MS = 30_000;

/** The Centra context with its coverage items passed through `change`. */
function withItems(ctx: ContractContext, change: (items: readonly CoverageItem[]) => CoverageItem[]): ContractContext {
  return { ...ctx, coverage: contractCoverage(ctx.contract.id, change(ctx.coverage.items)) };
}

/** A field's coverage item, built from its mutations the way src/runner/gather-coverage.ts builds it. */
function fieldItem(part: string, f: FieldCoverage): CoverageItem {
  const caught = f.mutations.filter((m) => m.detected).map((m) => `mutation:${m.constraint}`);
  const missed = f.mutations.filter((m) => !m.detected).map((m) => `mutation:${m.constraint}`);
  return coverageItem('field', `${part} ${f.field}`, f.passing === null ? [] : [f.passing], caught, missed);
}

describe('contract.coverage', () => {
  let centra: ContractContext;
  beforeAll(async () => {
    centra = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
  }, PREPARE_TIMEOUT_MS);

  it('passes on the shipped Centra contract, every documented item exercised both ways', () => {
    expect(centra.coverage.covered).toBe(centra.coverage.total);
    expect(violationsOf(coverage, centra)).toEqual([]);
  });

  it('fails with uncovered for an item that has no failing case or mutation', () => {
    const ctx = withItems(centra, (items) => items.map((i) => (i.id === 'response result-failure' ? coverageItem(i.kind, i.id, i.passing, []) : i)));
    expect(violationsOf(coverage, ctx)).toEqual([
      {
        rule: 'uncovered',
        path: 'response result-failure',
        severity: 'error',
        message: 'Received: response result-failure lacks a case or mutation that must fail / Documented: every documented item is exercised both ways. Add a case that exercises it.',
      },
    ]);
  });

  it('fails with uncovered for an item whose mutation went undetected, asking to tighten the contract', () => {
    const ctx = withItems(centra, (items) => [...items, coverageItem('field', 'request /invoices/invoice[]/currency', ['update-ok'], ['mutation:structure'], ['mutation:maxLength'])]);
    const [gap] = violationsOf(coverage, ctx);
    expect(gap).toMatchObject({ rule: 'uncovered', path: 'request /invoices/invoice[]/currency' });
    expect(gap?.message).toBe(
      'Received: request /invoices/invoice[]/currency lacks detection of mutation:maxLength / Documented: every documented item is exercised both ways. A mutation the checks did not catch means the contract cannot detect that breakage: tighten the contract.',
    );
  });

  it('fails when the validator cannot see a breakage of a real Centra field (a blind spot found by mutation)', () => {
    const fields = centra.contract.request.fields;
    const validate = (data: unknown): Violation[] => validateSchema(fields, () => fieldsToSchema(fields, 'xml'), data).filter((v) => !v.path.startsWith('/invoices/invoice/0/id'));
    const bases: MutationBase[] = centra.cases.flatMap((c) => (c.recorded === undefined ? [] : [{ name: c.case.name, data: c.recorded.decoded.body }]));
    const id = runFieldMutations(fields, 'xml', bases, validate).find((f) => f.field === '/invoices/invoice[]/id');
    if (id === undefined) throw new Error('Centra has no invoice id field');
    const ctx = withItems(centra, (items) => items.map((i) => (i.id === 'request /invoices/invoice[]/id' ? fieldItem('request', id) : i)));
    expect(violationsOf(coverage, ctx)).toEqual([expect.objectContaining({ rule: 'uncovered', path: 'request /invoices/invoice[]/id' })]);
    expect(violationsOf(coverage, ctx)[0]?.message).toContain('and detection of mutation:required, mutation:structure / Documented: ');
  });

  it('fails for a documented response that no case exercises (test/fixtures/issue3 unexercised-response)', async () => {
    const ctx = await prepareContract(repoPath('test/fixtures/issue3/contracts/unexercised-response/opsplanning/UpdateInvoicePaymentStatus.yaml'), repoPath('test/fixtures/issue3/recordings'));
    expect(violationsOf(coverage, ctx)).toEqual([
      expect.objectContaining({ rule: 'uncovered', path: 'response service-unavailable', message: expect.stringContaining('lacks a passing case and a case or mutation that must fail') as unknown }),
    ]);
  });
});
