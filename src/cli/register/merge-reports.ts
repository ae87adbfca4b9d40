import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import type { MergeFlags } from '../commands/merge-reports.ts';

/** `conformance merge-reports DIR|FILE...`: the shards' JSON reports as the report of the whole, through every reporter. */
export function registerMergeReports(program: Command, io: CliIo): void {
  program
    .command('merge-reports')
    .description('Merge the JSON reports of `run --shard i/n` (or `check --shard i/n`) into one report and render it with any reporter')
    .argument('<paths...>', 'JSON report files, or folders searched (recursively) for *.json')
    .option('--reporter <name[:path]>', 'console, json[:PATH], junit[:PATH], markdown[:PATH], html[:PATH], github (repeatable)', collect, [])
    .addHelpText('after', '\nEvery shard 1..n must be given exactly once.\nExit codes: 0 the whole run passed, 1 a check failed in any shard, 2 usage error (not a report, a different schemaVersion, a shard missing or twice).\nExample: conformance merge-reports reports/ --reporter console --reporter junit:out/junit.xml')
    .action(async (paths: string[], flags: MergeFlags) => {
      const { mergeReports } = await import('../commands/merge-reports.ts');
      io.setExitCode(await mergeReports(paths, flags, io));
    });
}
