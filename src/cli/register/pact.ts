import type { Command } from 'commander';
import { SuiteError } from '../../errors.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { registerPactVerify } from './pact-verify.ts';
import type { ExportFlags } from '../commands/pact.ts';

/** Default consumer name of exported pacts. */
export const DEFAULT_CONSUMER = 'invoice-update-client';

/** `conformance pact export|verify`: Pact V4 files from the contracts, and the Pact verifier against a provider. */
export function registerPact(program: Command, io: CliIo): void {
  const pact = program.command('pact').description('Export the contracts as Pact V4 files, or verify a provider against them with the Pact verifier');
  pact
    .command('export')
    .description('Write one Pact V4 file per contract (one interaction per case), built with the Pact FFI')
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--out <dir>', 'folder the pact files are written to', 'pacts')
    .option('--consumer <name>', 'Pact consumer name (your integration)', DEFAULT_CONSUMER)
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--recordings <dir>', 'folder of HAR recordings (the responses)', DEFAULT_RECORDINGS)
    .addHelpText('after', '\nExit codes: 0 written, 2 usage, configuration, a secret found in a file, or a case the Pact mock server refused.\nExample: conformance pact export --out pacts --consumer my-shop')
    .action(async (flags: ExportFlags) => {
      const { runExport } = await import('../commands/pact.ts');
      io.setExitCode(await runExport(flags, io));
    });
  registerPactVerify(pact, io);
  pact.action(() => {
    throw new SuiteError('USAGE', 'pact needs a subcommand: export or verify (see conformance pact --help).');
  });
}
