import type { Command } from 'commander';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import type { CoverageFlags } from '../commands/coverage.ts';

/** `conformance coverage`: every documented item and the cases and mutations that exercise it. */
export function registerCoverage(program: Command, io: CliIo): void {
  program
    .command('coverage')
    .description('List every documented field, response, rule and behaviour with its passing and failing evidence')
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--all', 'list every item, not only the uncovered ones')
    .option('--json', 'print the coverage as JSON (the report\'s "coverage" section)')
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--recordings <dir>', 'folder of HAR recordings', DEFAULT_RECORDINGS)
    .addHelpText('after', '\nExit codes: 0 every item covered, 1 an item lacks a passing or failing case (or a mutation went undetected), 2 usage error.')
    .action(async (flags: CoverageFlags) => {
      const { coverageAction } = await import('../commands/coverage.ts');
      await coverageAction(flags, io);
    });
}
