import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { checkBuiltRequest, decodeBuiltRequest, validateRequestFields } from '../../../src/protocols/check-built-request.ts';
import { fieldPaths, pointer, type FieldAt } from '../../../src/mutations/field-paths.ts';
import type { VendorValue } from '../../../src/mapping/vendor-value.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

const IDS = ['centra/invoices_Update', 'crmcom/invoices_update', 'ebizcharge/UpdateInvoice', 'invoicexpress/invoices.update', 'opsplanning/UpdateInvoicePaymentStatus'];

/** One documented constraint of one field, the value that breaks it, and the rule that must name it. */
interface Mutation {
  readonly at: FieldAt;
  readonly rule: string;
  readonly value: fc.Arbitrary<VendorValue | undefined>;
}

const XML_TYPE: Readonly<Record<string, RegExp>> = { integer: /^-?\d+$/, decimal: /^-?\d+(\.\d+)?$/, boolean: /^(true|false|1|0)$/ };

function mutationsOf(at: FieldAt, flavor: 'xml' | 'json'): Mutation[] {
  const f = at.field;
  const out: Mutation[] = [];
  if (f.required === true && f.value === undefined && f.credential === undefined) out.push({ at, rule: 'required', value: fc.constant(undefined) });
  if (f.maxLength !== undefined) out.push({ at, rule: 'maxLength', value: fc.integer({ min: f.maxLength + 1, max: f.maxLength + 50 }).map((n) => 'x'.repeat(n)) });
  if (f.enum !== undefined) {
    const documented = new Set(f.enum.map(String));
    out.push({ at, rule: 'enum', value: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !documented.has(s)) });
  }
  const typePattern = XML_TYPE[f.type];
  if (flavor === 'xml' && typePattern !== undefined && f.enum === undefined) {
    out.push({ at, rule: 'pattern', value: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !typePattern.test(s)) });
  }
  if (flavor === 'xml' && f.type === 'integer' && f.minimum === undefined && f.maximum === undefined && f.enum === undefined) {
    out.push({ at, rule: 'range', value: fc.bigInt({ min: 2n ** 31n, max: 2n ** 62n }).map((n) => String(n)) });
  }
  if (flavor === 'json' && (f.type === 'integer' || f.type === 'decimal' || f.type === 'boolean')) {
    out.push({ at, rule: 'type', value: fc.string({ maxLength: 8 }) });
  }
  return out;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, s) => (typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[s] : undefined), data);
}

function mutated(data: unknown, path: readonly (string | number)[], value: VendorValue | undefined): unknown {
  const copy = structuredClone(data);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path.at(-1) as string;
  if (value === undefined) delete parent[key];
  else parent[key] = value;
  return copy;
}

describe.each(IDS)('one-constraint mutations of %s', (id) => {
  let contract: Contract;
  let body: unknown;
  let header: unknown;
  let mutations: Mutation[];

  beforeAll(async () => {
    ({ contract } = await loadValidContract(repoPath(`contracts/${id}.yaml`)));
    const flavor = contract.protocol === 'json' ? 'json' : 'xml';
    for (const c of contract.cases.filter((x) => x.expect.outcome === 'ok')) {
      const built = buildRequest(contract, c.input, { baseUrl: contract.transport.replayBaseUrl, credentials: exampleCredentials(contract) });
      if (built.violations.length > 0 || checkBuiltRequest(contract, built.request).length > 0) continue;
      ({ body, header } = decodeBuiltRequest(contract, built.request));
      break;
    }
    // Only fields the conforming message holds (and whose parent it holds) can be broken one at a time.
    mutations = fieldPaths(contract.request.fields)
      .filter((at) => valueAt(body, at.path) !== undefined && at.field.type !== 'object')
      .flatMap((at) => mutationsOf(at, flavor));
  });

  it('has documented constraints to break', () => {
    expect(body).toBeDefined();
    expect(mutations.length).toBeGreaterThan(0);
  });

  it('rejects each mutation with the rule it breaks, at the field it breaks, and nowhere else', () => {
    fc.assert(
      fc.property(fc.nat().chain((n) => {
        const m = mutations[n % mutations.length] as Mutation;
        return fc.tuple(fc.constant(m), m.value);
      }), ([m, value]) => {
        const decoded = { body: mutated(body, m.at.path, value) as VendorValue, ...(header === undefined ? {} : { header: header as VendorValue }), violations: [] };
        const errors = validateRequestFields(contract, decoded).filter((v) => v.severity === 'error');
        const where = pointer(m.at.path);
        expect(errors.map((v) => [v.rule, v.path])).toContainEqual([m.rule, where]);
        expect(errors.filter((v) => v.path !== where)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});
