import type { Command } from 'commander';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';

/** `conformance validate [PATH...]`: lint contract files; problems name file:line:col and the rule (exit 2). */
export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('Lint contract files against contracts/contract.schema.json and the contract rules')
    .argument('[paths...]', 'contract files or folders', [DEFAULT_CONTRACTS])
    .addHelpText('after', '\nExit codes: 0 all valid, 2 a contract is invalid (each problem printed as file:line:col: rule: message).')
    .action(async (paths: string[]) => {
      const { validateAction } = await import('../commands/validate.ts');
      await validateAction(paths, io);
    });
}
