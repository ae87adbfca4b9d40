import type { Command } from 'commander';
import { createPalette } from '../../../reporters/console/palette.ts';
import { renderFindings } from '../../../reporters/console/findings.ts';
import type { Finding } from '../../model/run-summary.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { requireReadable } from '../require-readable.ts';

interface FindingsFlags {
  readonly vendor: string[];
  readonly contracts: string;
  readonly json?: boolean;
}

/** `conformance findings [--vendor V]`: the vendor-doc inconsistencies the contracts record, listed on demand. */
export function registerFindings(program: Command, io: CliIo): void {
  program
    .command('findings')
    .description('List the inconsistencies found in the vendor docs (findings are not failures; run counts them)')
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--json', 'print the findings as JSON (the report\'s "findings" section)')
    .addHelpText('after', '\nExit codes: 0 listed (findings never fail), 2 usage or configuration error.\nExample: conformance findings --vendor ebizcharge')
    .action(async (flags: FindingsFlags) => {
      await requireReadable(flags.contracts, '--contracts');
      const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
      const findings = contracts.flatMap((l): Finding[] => (l.contract.findings ?? []).map((f) => ({ id: f.id, contract: l.contract.id, title: f.title, location: f.location, evidence: f.evidence })));
      if (flags.json === true) io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
      else if (findings.length === 0) io.stdout.write('No doc findings.\n');
      else io.stdout.write(`${renderFindings(findings, createPalette(io.color), io.columns ?? 80).join('\n')}\n`);
      io.setExitCode(0);
    });
}
