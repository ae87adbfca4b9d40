import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import contractSchema from '../../contracts/contract.schema.json' with { type: 'json' };
import canonicalSchema from '../model/canonical-update.schema.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import type { Contract } from '../types/contract.ts';

// Anything that can change what a valid contract loads as: the tool version and both schemas.
const ENGINE = createHash('sha256').update(pkg.version).update(JSON.stringify(contractSchema)).update(JSON.stringify(canonicalSchema)).digest('hex').slice(0, 16);
const DIR = join(tmpdir(), 'invoice-update-conformance', 'contracts');

/**
 * A cache of contracts that already passed validation, keyed by the file's hash and path and the engine.
 * Parsing YAML and compiling the contract schema cost most of a cold run; a contract is only ever
 * cached after it validated, and any failure to read or write the cache is ignored.
 */
export const contractCache = {
  get(hash: string): Contract | undefined {
    try {
      return JSON.parse(readFileSync(join(DIR, `${ENGINE}-${hash}.json`), 'utf8')) as Contract;
    } catch {
      return undefined;
    }
  },
  set(hash: string, contract: Contract): void {
    try {
      mkdirSync(DIR, { recursive: true });
      const file = join(DIR, `${ENGINE}-${hash}.json`);
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(contract));
      renameSync(temp, file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  },
};
