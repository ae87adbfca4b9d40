import { createHash } from 'node:crypto';
import contractSchema from '../../contracts/contract.schema.json' with { type: 'json' };
import canonicalSchema from '../model/canonical-update.schema.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import type { Contract } from '../types/contract.ts';
import { privateStore } from './private-store.ts';

// Anything that can change what a valid contract loads as: the tool version and both schemas.
const ENGINE = createHash('sha256').update(pkg.version).update(JSON.stringify(contractSchema)).update(JSON.stringify(canonicalSchema)).digest('hex').slice(0, 16);

const store = privateStore('contracts', ENGINE, '.json');

/**
 * The cache folder: private to the user (`<tmp>/invoice-update-conformance-<uid>/contracts`, mode
 * 0700). Resolved on each use so that `TMPDIR` applies.
 */
export function contractCacheDir(): string {
  return store.dir();
}

/**
 * A cache of contracts that already passed validation, keyed by the contract file's content hash
 * and path and the engine. Parsing YAML and compiling the contract schema cost about 0.4 s of a
 * 1.7 s cold run (README, "Secrets"). The cache is private and tamper-evident (see `privateStore`):
 * folders 0700, files 0600, each entry signed with HMAC-SHA256 under a per-user random key, so an
 * entry whose HMAC does not verify (e.g. `secret: true` flipped to `false`) is ignored and the
 * contract is parsed and validated again. Any failure to read or write the cache only costs time.
 */
export const contractCache = {
  get(hash: string): Contract | undefined {
    const json = store.get(hash);
    try {
      return json === undefined ? undefined : (JSON.parse(json) as Contract);
    } catch {
      return undefined;
    }
  },
  set(hash: string, contract: Contract): void {
    store.set(hash, JSON.stringify(contract));
  },
};
