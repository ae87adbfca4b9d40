import { SuiteError } from '../../errors.ts';
import { entryResponse } from '../../recording/entry-to-exchange.ts';
import { createRecordingCache } from '../../recording/recording-cache.ts';
import { secretValues } from '../../credentials/secret-values.ts';
import { loadReplayEntries } from '../../targets/load-replay-entries.ts';
import { defaultSeed } from '../../targets/simulate/load-seed.ts';
import type { Contract, LoadedContract } from '../../types/contract.ts';
import type { HttpResponse } from '../../model/http.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { displayPath } from '../paths.ts';
import type { CliIo } from '../io.ts';

export interface ExportFlags {
  readonly vendor: string[];
  readonly out: string;
  readonly consumer: string;
  readonly contracts: string;
  readonly recordings: string;
}


export async function runExport(flags: ExportFlags, io: CliIo): Promise<number> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(flags.consumer)) {
    throw new SuiteError('USAGE', `--consumer "${flags.consumer}" must be 1-100 letters, digits, dots, dashes or underscores (it names the pact file).`);
  }
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const responses = await recordedResponses(contracts, flags.recordings);
  const seed = defaultSeed();
  // The Pact FFI takes a third of a second to load: only `pact export` pays for it.
  const { exportPacts } = await import('../../pact/export-pacts.ts');
  const exported = await exportPacts({
    contracts,
    recordedResponse: (contract, name) => responses.get(`${contract.id}#${name}`),
    seed: (vendor) => seed[vendor] ?? {},
    outDir: flags.out,
    consumer: flags.consumer,
    secrets: environmentSecrets(contracts.map((l) => l.contract)),
  });
  for (const e of exported) {
    io.stdout.write(`${e.contract}: ${e.interactions} interaction(s) -> ${displayPath(e.file)}\n`);
    for (const s of e.skipped) io.stderr.write(`  skipped ${s}\n`);
  }
  return 0;
}

async function recordedResponses(contracts: readonly LoadedContract[], dir: string): Promise<Map<string, HttpResponse>> {
  const entries = await loadReplayEntries(contracts, dir, createRecordingCache());
  const out = new Map<string, HttpResponse>();
  for (const { contract, entry } of entries) {
    const key = `${contract.id}#${entry._case}`;
    if (!out.has(key)) out.set(key, entryResponse(entry));
  }
  return out;
}

/** The secret credential values set in the environment: none of them may reach a pact file. */
function environmentSecrets(contracts: readonly Contract[]): string[] {
  return contracts.flatMap((contract) => {
    const values = Object.fromEntries(Object.entries(contract.credentials).map(([name, spec]) => [name, process.env[spec.env] ?? '']));
    return secretValues(contract, values);
  });
}
