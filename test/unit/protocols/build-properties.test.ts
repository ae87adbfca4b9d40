import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { checkBuiltRequest, decodeBuiltRequest } from '../../../src/protocols/check-built-request.ts';
import { evaluateRules } from '../../../src/rules/evaluate-rules.ts';
import { validateCanonical } from '../../../src/contract/canonical-schema.ts';
import { fieldPaths, pointer, type FieldAt } from '../../../src/mutations/field-paths.ts';
import type { CaseSpec, Contract, FieldSpec } from '../../../src/types/contract.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

const IDS = ['centra/invoices_Update', 'crmcom/invoices_update', 'ebizcharge/UpdateInvoice', 'invoicexpress/invoices.update', 'opsplanning/UpdateInvoicePaymentStatus'];
const RUNS = 60;

/** Text that stresses escaping: markup characters, `]]>`, quotes, whitespace XML normalizes, non-BMP letters. */
const TRICKY = fc.constantFrom('<', '>', '&', '&amp;', ']]>', '"', "'", '\t', '\n', '\r', '\r\n', ' ', 'é', '€', '\uD83D\uDE00', '\uD840\uDC00', 'a', 'Z', '0', '=', '/', '#');
const FORBIDDEN = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF');

/** A free-text request field mapped straight from a top-level canonical path: the ones generation may vary. */
interface TextField {
  readonly at: FieldAt;
  readonly from: string;
}

function textFields(contract: Contract): TextField[] {
  return fieldPaths(contract.request.fields).flatMap((at) => {
    const f = at.field;
    const plain = f.type === 'string' && f.from !== undefined && f.enum === undefined && f.pattern === undefined && f.format === undefined && (f.transform ?? []).length === 0;
    const absolute = at.ancestors.every((a: FieldSpec) => a.from === undefined);
    return plain && absolute && f.from !== undefined ? [{ at, from: f.from }] : [];
  });
}

/** The first ok case whose request passes every check and rule: the base generation varies. */
async function okCase(contract: Contract): Promise<CaseSpec> {
  for (const c of contract.cases.filter((x) => x.expect.outcome === 'ok')) {
    const built = buildOf(contract, c.input);
    const decoded = decodeBuiltRequest(contract, built.request);
    const rules = (await evaluateRules(contract, 'request', { data: decoded.body, header: decoded.header })).filter((v) => v.severity === 'error');
    if (built.violations.length === 0 && checkBuiltRequest(contract, built.request).length === 0 && rules.length === 0) return c;
  }
  throw new Error(`${contract.id} has no ok case that passes every request check`);
}

function buildOf(contract: Contract, input: unknown) {
  return buildRequest(contract, input, { baseUrl: contract.transport.replayBaseUrl, credentials: exampleCredentials(contract) });
}

function withValue(input: unknown, path: string, value: string): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  const segments = path.split('.');
  let node = copy;
  for (const s of segments.slice(0, -1)) node = (node[s] ??= {}) as Record<string, unknown>;
  node[segments.at(-1) as string] = value;
  return copy;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, s) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[s] : undefined), data);
}

/** Strings within the field's documented length, built from tricky characters (as UTF-16 code units, like ajv counts). */
function textFor(field: FieldSpec): fc.Arbitrary<string> {
  const min = field.minLength ?? 1;
  const max = Math.min(field.maxLength ?? 40, 40);
  return fc.array(TRICKY, { minLength: min, maxLength: Math.max(min, max) })
    .map((parts) => parts.join(''))
    .filter((s) => [...s].length >= min && [...s].length <= (field.maxLength ?? Infinity) && s.length <= (field.maxLength ?? Infinity));
}

describe.each(IDS)('generated canonical updates for %s', (id) => {
  let contract: Contract;
  let base: CaseSpec;
  let fields: TextField[];

  beforeAll(async () => {
    ({ contract } = await loadValidContract(repoPath(`contracts/${id}.yaml`)));
    base = await okCase(contract);
    fields = textFields(contract);
  });

  it('has free-text fields to generate', () => {
    expect(fields.length).toBeGreaterThan(0);
  });

  it('builds requests that pass every request check, and each text round-trips exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat().chain((n) => fc.tuple(fc.constant(n), textFor((fields[n % fields.length] as TextField).at.field))), async ([n, text]) => {
        const { at, from } = fields[n % fields.length] as TextField;
        const input = withValue(base.input, from, text);
        if (validateCanonical(input).length > 0) return; // the canonical model itself refuses it (e.g. a numeric-only slot)
        const built = buildOf(contract, input);
        expect(built.violations).toEqual([]);
        expect(checkBuiltRequest(contract, built.request)).toEqual([]);
        const decoded = decodeBuiltRequest(contract, built.request);
        expect({ id, field: pointer(at.path), rules: (await evaluateRules(contract, 'request', { data: decoded.body, header: decoded.header })).filter((v) => v.severity === 'error') }).toEqual({ id, field: pointer(at.path), rules: [] });
        // XML normalizes a raw CR to LF, so the builder escapes it: what we send is what the vendor reads.
        expect(valueAt(decoded.body, at.path)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses each forbidden character, naming the field it is in', () => {
    fc.assert(
      fc.property(fc.nat(), FORBIDDEN, fc.string({ maxLength: 5 }), (n, bad, rest) => {
        const { at, from } = fields[n % fields.length] as TextField;
        const built = buildOf(contract, withValue(base.input, from, `a${bad}${rest.replace(/[\uD800-\uDFFF]/g, '')}`));
        const refused = built.violations.filter((v) => v.rule === 'forbidden-char');
        const jsonAllows = contract.protocol === 'json' && !/[\uD800-\uDFFF]/.test(bad);
        if (jsonAllows) expect(refused).toEqual([]);
        else expect(refused.map((v) => v.path)).toContain(pointer(at.path));
      }),
      { numRuns: RUNS },
    );
  });
});
