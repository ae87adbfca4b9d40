import type { Command } from 'commander';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { addLiveFlags } from './live-flags.ts';
import type { RunFlags } from '../commands/run.ts';

/** `conformance run`: the full conformance run; exit 0 when every check passes, 1 otherwise. */
export function registerRun(program: Command, io: CliIo): void {
  const command = program
    .command('run')
    .description('Run every conformance check (contract, request building, response parsing, scenarios) and report')
    .option('--target <target>', 'where requests go: replay (offline recordings), simulate (loopback simulators) or live (base URLs and credentials from the environment)', 'replay')
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--reporter <name[:path]>', 'console, json[:PATH], junit[:PATH], markdown[:PATH], html[:PATH], github (repeatable)', collect, [])
    .option('--case <name>', 'only this case (repeatable); contract-level checks are left out unless --check names them', collect, [])
    .option('--check <id>', 'only this check, e.g. request.namespaces (repeatable)', collect, [])
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--recordings <dir>', 'folder of HAR recordings', DEFAULT_RECORDINGS)
    .option('--vendor-version <vendor=version>', 'the vendor version your integration targets, e.g. crmcom=R11.0.0: fields introduced later are flagged (repeatable)', collect, [])
    .option('--shard <i/n>', 'run only part i of n (1-based) of the cases, for CI machines in parallel; merge the JSON reports with `conformance merge-reports`')
    .option('--strict', "fail departures from the doc that the vendor's stack accepts (otherwise warnings); the simulators refuse them too");
  addLiveFlags(command, { timeout: 10_000, runTimeout: 300_000 })
    .addHelpText('after', '\nExit codes: 0 all checks passed, 1 a check failed, 2 usage or configuration error.\nExample: conformance run --vendor centra --reporter console --reporter junit:out/junit.xml')
    .action(async (flags: RunFlags) => {
      const { run } = await import('../commands/run.ts');
      io.setExitCode(await run(flags, io));
    });
}
