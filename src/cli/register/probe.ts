import type { Command } from 'commander';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { addLiveFlags } from './live-flags.ts';
import type { ProbeFlags } from '../commands/probe.ts';

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
      const { probe } = await import('../commands/probe.ts');
      io.setExitCode(await probe(flags, io));
    });
}
