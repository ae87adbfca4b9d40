import type { Command } from 'commander';
import { SuiteError } from '../../errors.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { runProbes } from '../../probe/run-probes.ts';
import { PROBE_SCHEMA_VERSION, type ProbeReport } from '../../probe/probe-result.ts';
import { renderProbeJson, renderProbeText } from '../../probe/render-probe.ts';
import { addLiveFlags, openFromFlags, type LiveFlags } from './live-flags.ts';

interface ProbeFlags extends LiveFlags {
  readonly vendor: string[];
  readonly json?: boolean;
  readonly contracts: string;
  readonly recordings: string;
}

/** `conformance probe`: do these credentials work? Exit 0 only when every probed vendor is valid. */
export function registerProbe(program: Command, io: CliIo): void {
  const command = program
    .command('probe')
    .description("Check credentials with each vendor's safe probe request (changes nothing); never shows a secret")
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--target <target>', 'live (base URLs and credentials from the environment) or simulate (loopback simulators)', 'live')
    .option('--json', 'print the versioned JSON report instead of text')
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--recordings <dir>', 'recordings the simulators answer from (simulate)', DEFAULT_RECORDINGS);
  addLiveFlags(command, { timeout: 10_000, runTimeout: 30_000 })
    .addHelpText('after', '\nVerdicts: valid (the documented proof of accepted credentials), rejected, inconclusive (a documented answer that proves neither; names the proof), unreachable, unexpected (an answer this vendor does not give: check the base URL).\nExit codes: 0 every probed vendor valid, 1 any other verdict, 2 usage or configuration error.\nExample: CENTRA_BASE_URL=... CENTRA_USERNAME=... CENTRA_PASSWORD=... conformance probe --vendor centra')
    .action(async (flags: ProbeFlags) => {
      io.setExitCode(await probe(flags, io));
    });
}

async function probe(flags: ProbeFlags, io: CliIo): Promise<number> {
  // Only the contracts that declare a probe (one per vendor: a read or login where the vendor has one).
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor).filter((l) => l.contract.probe !== undefined);
  if (contracts.length === 0) throw new SuiteError('USAGE', `No contract${flags.vendor.length === 0 ? '' : ` of ${flags.vendor.join(', ')}`} declares a probe: block.`);
  const opened = await openFromFlags(flags, contracts, flags.recordings);
  const started = performance.now();
  try {
    const results = await runProbes({ contracts: contracts.map((l) => l.contract), target: opened.target, credentials: opened.credentials, secrets: opened.secrets });
    const report: ProbeReport = { schemaVersion: PROBE_SCHEMA_VERSION, target: opened.target.name, ok: results.every((r) => r.verdict === 'valid'), durationMs: Math.round(performance.now() - started), results };
    io.stdout.write(flags.json === true ? renderProbeJson(report) : renderProbeText(report));
    return report.ok ? 0 : 1;
  } finally {
    await opened.target.close();
  }
}
