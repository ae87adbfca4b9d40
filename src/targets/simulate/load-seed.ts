import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.ts';
import { parse as parseYaml } from 'yaml';
import { readTextFile } from '../../codec/text/read-text-file.ts';
import { SuiteError } from '../../errors.ts';
import type { ValidateFunction } from 'ajv';
import { cachedValidator } from '../../contract/cached-validator.ts';
import { createAjv } from '../../contract/create-ajv.ts';

/** One seeded invoice: identifiers, life-cycle state, lock token, items, client and notes. */
export interface SeedInvoice {
  readonly id?: string;
  readonly number?: string;
  readonly reference?: string;
  readonly internalId?: string;
  readonly backOfficeCode?: string;
  readonly state?: string;
  readonly token?: string;
  readonly items?: readonly { readonly id: string; readonly [field: string]: unknown }[];
  readonly client?: string;
  readonly notes?: string;
}

/** The seed of one vendor's simulator. */
export interface VendorSeed {
  readonly invoices?: readonly SeedInvoice[];
  readonly clients?: readonly string[];
  /** Recorded cases answered as recorded when their request arrives (see default-seed.yaml). */
  readonly scripted?: readonly string[];
  /** Overrides the contract's rate-limit behaviour (requests per minute per credential). */
  readonly rateLimitPerMinute?: number;
}

/** Seeds by vendor. */
export type Seed = Readonly<Record<string, VendorSeed>>;

const scalar = { type: 'string' };
const SEED_SCHEMA = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    properties: {
      invoices: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            id: scalar, number: scalar, reference: scalar, internalId: scalar, backOfficeCode: scalar, state: scalar, token: scalar, client: scalar, notes: scalar,
            items: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: scalar } } },
          },
        },
      },
      clients: { type: 'array', items: scalar },
      scripted: { type: 'array', items: scalar },
      rateLimitPerMinute: { type: 'integer', minimum: 1 },
    },
  },
};

/** The largest seed file read, in bytes. */
export const MAX_SEED_BYTES = 5 * 1024 * 1024;

const DEFAULT_SEED_FILE = join(PACKAGE_ROOT, 'src', 'targets', 'simulate', 'default-seed.yaml');

/** The documented default seed (src/targets/simulate/default-seed.yaml). */
export function defaultSeed(): Seed {
  return check(parseYaml(readFileSync(DEFAULT_SEED_FILE, 'utf8')) as unknown, DEFAULT_SEED_FILE);
}

/**
 * The default seed with the vendors of a seed file (JSON or YAML) replacing their default entries.
 * @throws SuiteError `INPUT_INVALID` for an unreadable or malformed file, naming the problem.
 */
export async function loadSeed(file: string | undefined): Promise<Seed> {
  const base = defaultSeed();
  if (file === undefined) return base;
  const text = await readTextFile(file, { maxBytes: MAX_SEED_BYTES, name: 'MAX_SEED_BYTES' });
  if (!text.ok) throw new SuiteError('FILE_UNREADABLE', `Seed file ${text.problem}`);
  let data: unknown;
  try {
    data = parseYaml(text.value) as unknown;
  } catch (error) {
    throw new SuiteError('INPUT_INVALID', `Seed file ${file} is not valid JSON or YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  return { ...base, ...check(data, file) };
}

/**
 * The default seed with the vendors of a seed object (e.g. given to the msw handlers) replacing theirs.
 * @throws SuiteError `INPUT_INVALID` when the object does not have the seed shape.
 */
export function seedFrom(data: unknown, label: string): Seed {
  return { ...defaultSeed(), ...check(data, label) };
}

let seedValidator: ValidateFunction | undefined;

/** The seed shape's validator: compiled once across runs (see cachedValidator), so a run loads no ajv for it. */
function seedShape(): ValidateFunction {
  seedValidator ??= cachedValidator(`simulator-seed\0${JSON.stringify(SEED_SCHEMA)}`, () => {
    const ajv = createAjv({ code: { source: true } });
    return { ajv, validate: ajv.compile(SEED_SCHEMA) };
  });
  return seedValidator;
}

function check(data: unknown, file: string): Seed {
  const validate = seedShape();
  if (validate(data)) return data as Seed;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  throw new SuiteError('INPUT_INVALID', `Seed file ${file} does not have the seed shape ({ <vendor>: { invoices, clients, scripted, rateLimitPerMinute } }):`, { details: problems });
}

/**
 * Check one vendor's seed (the shape of a seed file's vendor entry), e.g. a POST /__simulator/state body.
 * @throws SuiteError `INPUT_INVALID` naming every problem.
 */
export function checkVendorSeed(data: unknown, source: string): VendorSeed {
  return check({ vendor: data }, source)['vendor'] ?? {};
}
