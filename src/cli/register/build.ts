import type { Command } from 'commander';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import type { BuildFlags } from '../commands/build.ts';

/** `conformance build V/OP --input FILE.json`: canonical update → the HTTP request it sends. */
export function registerBuild(program: Command, io: CliIo): void {
  program
    .command('build')
    .description('Build the HTTP request a canonical update becomes, and check it against the contract')
    .argument('<contract>', 'contract id, e.g. centra/invoices_Update')
    .option('--input <file>', 'canonical update as JSON (see src/model/canonical-update.schema.json)')
    .option('--case <name>', "use a contract case's input instead of --input")
    .option('--base-url <url>', 'base URL to build against (default: the contract replay URL)')
    .option('--json', 'print the request as JSON instead of HTTP text')
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .addHelpText('after', '\nCredentials are the contract placeholders. Exit codes: 0 conformant, 1 a required value is missing or the body breaks the contract, 2 usage error.')
    .action(async (id: string, flags: BuildFlags) => {
      const { buildAction } = await import('../commands/build.ts');
      await buildAction(id, flags, io);
    });
}
