import type { Command } from 'commander';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import type { FindingsFlags } from '../commands/findings.ts';

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
      const { findingsAction } = await import('../commands/findings.ts');
      await findingsAction(flags, io);
    });
}
