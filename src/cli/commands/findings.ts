import { createPalette } from '../../../reporters/console/palette.ts';
import { renderFindings } from '../../../reporters/console/findings.ts';
import type { Finding } from '../../model/run-summary.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import type { CliIo } from '../io.ts';
import { requireReadable } from '../require-readable.ts';

export interface FindingsFlags {
  readonly vendor: string[];
  readonly contracts: string;
  readonly json?: boolean;
}

/** The `findings` command's action (loaded when the command runs). */
export async function findingsAction(flags: FindingsFlags, io: CliIo): Promise<void> {
  await requireReadable(flags.contracts, '--contracts');
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const findings = contracts.flatMap((l): Finding[] => (l.contract.findings ?? []).map((f) => ({ id: f.id, contract: l.contract.id, title: f.title, location: f.location, evidence: f.evidence })));
  if (flags.json === true) io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else if (findings.length === 0) io.stdout.write('No doc findings.\n');
  else io.stdout.write(`${renderFindings(findings, createPalette(io.color), io.columns ?? 80).join('\n')}\n`);
  io.setExitCode(0);
}
