import type { Contract, LoadedContract } from '../../src/types/contract.ts';
import { loadContract } from '../../src/contract/load-contract.ts';
import { createRecordingCache } from '../../src/recording/recording-cache.ts';
import { prepareCase } from '../../src/runner/prepare-case.ts';
import { gatherCoverage } from '../../src/runner/gather-coverage.ts';
import { createReplayTarget } from '../../src/targets/replay.ts';
import { loadReplayEntries } from '../../src/targets/load-replay-entries.ts';
import type { ContractContext } from '../../suites/check.ts';
import { recordingsVariant } from './paths.ts';

/** Load a contract file, failing the test with every problem when it is invalid. */
export async function loadValidContract(file: string): Promise<LoadedContract> {
  const loaded = await loadContract(file);
  if (!loaded.ok) throw new Error(`${file} is invalid:\n${loaded.problem.map((p) => `${p.line}:${p.col} ${p.rule} ${p.message}`).join('\n')}`);
  return loaded.value;
}

/** The placeholder credentials offline replay uses (as `conformance run` does). */
export function exampleCredentials(contract: Contract): Record<string, string> {
  return Object.fromEntries(Object.entries(contract.credentials).map(([name, c]) => [name, c.example]));
}

/**
 * Prepare every case of a contract exactly as `conformance run` does (real recordings, real msw
 * replay target), then close the target. The result is what contract- and case-level checks see.
 */
export async function prepareContract(contractFile: string, recordingsDir: string): Promise<ContractContext> {
  const { contract } = await loadValidContract(contractFile);
  const recordings = createRecordingCache();
  const entries = await loadReplayEntries([{ contract, file: contractFile, hash: '' }], recordingsDir, recordings);
  const target = createReplayTarget(entries);
  try {
    const cases = await Promise.all(
      contract.cases.map((c) => prepareCase(contract, c, { recordingsDir, recordings, target, credentials: exampleCredentials })),
    );
    return { contract, cases, coverage: (await gatherCoverage(contract, cases)).coverage };
  } finally {
    await target.close();
  }
}

/**
 * Prepare the Centra contract against each named recordings variant under test/fixtures/recordings/,
 * one after another (each has its own msw server), and return a lookup by variant name.
 */
export async function prepareVariants<N extends string>(contractFile: string, names: readonly N[]): Promise<(name: N) => ContractContext> {
  const prepared = new Map<N, ContractContext>();
  for (const name of names) prepared.set(name, await prepareContract(contractFile, recordingsVariant(name)));
  return (name) => {
    const ctx = prepared.get(name);
    if (ctx === undefined) throw new Error(`recordings variant ${name} was not prepared`);
    return ctx;
  };
}
