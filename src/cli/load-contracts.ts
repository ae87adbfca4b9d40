import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SuiteError } from '../errors.ts';
import type { LoadedContract } from '../types/contract.ts';
import { discoverContracts } from '../contract/discover-contracts.ts';
import { loadContract } from '../contract/load-contract.ts';
import { formatProblem, type ContractProblem } from '../contract/contract-problem.ts';
import { displayPath, SHIPPED_CONTRACTS } from './paths.ts';

/** Load every contract under the given paths; any invalid one is a SuiteError listing every problem. */
export async function loadAllContracts(paths: readonly string[]): Promise<LoadedContract[]> {
  let files: string[];
  try {
    files = await discoverContracts(paths);
  } catch (error) {
    throw new SuiteError('CONTRACT_NOT_FOUND', `Cannot read contracts: ${(error as NodeJS.ErrnoException).path ?? ''} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (files.length === 0) throw new SuiteError('CONTRACT_NOT_FOUND', `No contract files (*.yaml, *.yml, *.json) under ${paths.join(', ')}`);
  const results = await Promise.all(files.map((f) => loadContract(displayPath(f))));
  const problems: ContractProblem[] = results.flatMap((r) => (r.ok ? [] : r.problem));
  if (problems.length > 0) {
    throw new SuiteError('CONTRACT_INVALID', `${problems.length} problem(s) in contract files:`, { details: problems.map(formatProblem) });
  }
  return results.flatMap((r) => (r.ok ? [r.value] : []));
}

/** Keep the contracts of the given vendors; an unknown vendor is a usage error naming the known ones. */
export function filterByVendor(contracts: readonly LoadedContract[], vendors: readonly string[]): LoadedContract[] {
  if (vendors.length === 0) return [...contracts];
  const known = new Set(contracts.map((l) => l.contract.vendor));
  const unknown = vendors.filter((v) => !known.has(v));
  if (unknown.length > 0) throw new SuiteError('USAGE', `Unknown vendor ${unknown.join(', ')}. Known vendors: ${[...known].sort().join(', ')}.`);
  return contracts.filter((l) => vendors.includes(l.contract.vendor));
}

/**
 * Load the one contract a command names: `<dir>/<id>.yaml` when it exists (so an unrelated broken
 * contract does not block), otherwise every contract under `dir`, then pick by id.
 */
export async function loadOneContract(dir: string, id: string): Promise<LoadedContract> {
  for (const ext of ['.yaml', '.yml', '.json']) {
    const file = join(dir, `${id}${ext}`);
    if (/^[a-z0-9-]+\/[A-Za-z0-9_.-]+$/.test(id) && (await exists(file))) return findContract(await loadAllContracts([file]), id);
  }
  const contracts = await loadAllContracts([dir]);
  // A project's own contracts folder does not hide the shipped contracts: they stay available by id.
  if (!contracts.some((l) => l.contract.id === id) && resolve(dir) !== resolve(SHIPPED_CONTRACTS)) {
    const shipped = (await loadAllContracts([SHIPPED_CONTRACTS])).find((l) => l.contract.id === id);
    if (shipped !== undefined) return shipped;
  }
  return findContract(contracts, id);
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Find one contract by id (`vendor/operation`); unknown is a usage error listing the known ids. */
export function findContract(contracts: readonly LoadedContract[], id: string): LoadedContract {
  const found = contracts.find((l) => l.contract.id === id);
  if (found !== undefined) return found;
  throw new SuiteError('CONTRACT_NOT_FOUND', `Unknown contract "${id}". Known contracts: ${contracts.map((l) => l.contract.id).sort().join(', ')}.`);
}
