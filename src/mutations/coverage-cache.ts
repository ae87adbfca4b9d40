import { createHash } from 'node:crypto';
import pkg from '../../package.json' with { type: 'json' };
import { privateStore } from '../contract/private-store.ts';
import type { Contract } from '../types/contract.ts';
import type { MutationBases, PartCoverage } from './contract-field-coverage.ts';

/**
 * Identifies the engine's code: the CLI bundle's build sets it (scripts/build-bundle.mjs replaces this
 * expression with the build's id). Running from the TypeScript sources it is unset, and coverage is
 * derived on every run, because the sources can change under the same version.
 */
const BUILD_ID: string | undefined = process.env.CONFORMANCE_BUILD_ID;

/**
 * Field coverage of a contract, derived once per distinct contract and recorded data: the result is
 * kept in the private, HMAC-signed store beside the contract cache (see `privateStore`), keyed by the
 * contract's and the mutation bases' content and by the tool version and build. An entry that is
 * missing, tampered with or unreadable is derived again. Without a build id nothing is cached.
 */
export function cachedFieldCoverage(contract: Contract, bases: MutationBases, derive: () => PartCoverage[], build: string | undefined = BUILD_ID): PartCoverage[] {
  if (build === undefined) return derive();
  const engine = createHash('sha256').update(pkg.version).update('\0').update(build).digest('hex').slice(0, 16);
  const store = privateStore('coverage', engine, '.json');
  const id = createHash('sha256').update(JSON.stringify([contract, bases.requestBodies, bases.requestHeaders, [...bases.responses]])).digest('hex');
  const hit = store.get(id);
  if (hit !== undefined) {
    try {
      return JSON.parse(hit) as PartCoverage[];
    } catch {
      // A verified entry that does not parse was not written by us: derive again.
    }
  }
  const parts = derive();
  store.set(id, JSON.stringify(parts));
  return parts;
}
