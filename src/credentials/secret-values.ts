import type { Contract } from '../types/contract.ts';

/**
 * The values of the contract's secret credentials among `credentials`, longest first (so that a
 * secret containing another is replaced whole). Empty values are left out: there is nothing to hide.
 */
export function secretValues(contract: Contract, credentials: Readonly<Record<string, string>>): string[] {
  const values = Object.entries(contract.credentials)
    .filter(([name, spec]) => spec.secret && (credentials[name] ?? '') !== '')
    .map(([name]) => credentials[name] ?? '');
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}
