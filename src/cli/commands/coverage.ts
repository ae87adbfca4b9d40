import type { Command } from 'commander';
import { createPalette } from '../../../reporters/console/palette.ts';
import { renderCoverage } from '../../../reporters/console/coverage.ts';
import { runConformance } from '../../runner/run-conformance.ts';
import { createReplayTarget } from '../../targets/replay.ts';
import { loadReplayEntries } from '../../targets/load-replay-entries.ts';
import { createRecordingCache } from '../../recording/recording-cache.ts';
import { placeholderCredentials } from '../../contract/placeholder-credentials.ts';
import { CHECKS } from '../../../suites/index.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect, TOOL } from '../options.ts';

interface CoverageFlags {
  readonly vendor: string[];
  readonly json?: boolean;
  readonly all?: boolean;
  readonly contracts: string;
  readonly recordings: string;
}

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
      const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
      const recordings = createRecordingCache();
      const target = createReplayTarget(await loadReplayEntries(contracts, flags.recordings, recordings), contracts.map((l) => l.contract));
      try {
        const summary = await runConformance({ contracts, checks: CHECKS, reporters: [], tool: TOOL, recordingsDir: flags.recordings, recordings, target, credentials: placeholderCredentials });
        if (flags.json === true) io.stdout.write(`${JSON.stringify(summary.coverage, null, 2)}\n`);
        else io.stdout.write(`${renderCoverage(summary, createPalette(io.color), flags.all === true).join('\n')}\n`);
        io.setExitCode(summary.coverage.every((c) => c.covered === c.total) ? 0 : 1);
      } finally {
        await target.close();
      }
    });
}
