import type { Command } from 'commander';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import type { ParseFlags } from '../commands/parse.ts';

/** `conformance parse V/OP --response FILE`: a response body → normalized outcome JSON. */
export function registerParse(program: Command, io: CliIo): void {
  program
    .command('parse')
    .description('Classify a response body into a normalized outcome and check it against the contract')
    .argument('<contract>', 'contract id, e.g. centra/invoices_Update')
    .requiredOption('--response <file>', 'response body file, or a .har recording (its response is used)')
    .option('--status <code>', 'HTTP status of the response (default 200, or the recording\'s)')
    .option('--header <"K: V">', 'response header (repeatable)', collect, [])
    .option('--case <name>', 'with a .har holding several entries, the case to use')
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .addHelpText('after', '\nPrints {"contract","outcome","conformant","vendorCode","message","data","violations"}.\nExit codes: 0 conformant, 1 not conformant (undocumented or malformed response), 2 usage error.')
    .action(async (id: string, flags: ParseFlags) => {
      const { parseAction } = await import('../commands/parse.ts');
      await parseAction(id, flags, io);
    });
}
