import { SuiteError } from '../../errors.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import type { CliIo } from '../io.ts';
import { runProbes } from '../../probe/run-probes.ts';
import { PROBE_SCHEMA_VERSION, type ProbeReport } from '../../probe/probe-result.ts';
import { renderProbeJson, renderProbeText } from '../../probe/render-probe.ts';
import { openFromFlags, type LiveFlags } from './live-flags.ts';

export interface ProbeFlags extends LiveFlags {
  readonly vendor: string[];
  readonly json?: boolean;
  readonly contracts: string;
  readonly recordings: string;
}


export async function probe(flags: ProbeFlags, io: CliIo): Promise<number> {
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
