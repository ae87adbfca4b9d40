import type { Command } from 'commander';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import type { RedactFlags } from '../commands/redact.ts';

/** `conformance redact IN.har --out OUT.har`: a committable copy of a capture, every credential replaced. */
export function registerRedact(program: Command, io: CliIo): void {
  program
    .command('redact')
    .description("Write a copy of a captured HAR with every secret credential (password, token, key) of the matched contracts replaced by [redacted] in every encoding, leak-guarded and atomic")
    .argument('<in>', 'the captured HAR file')
    .requiredOption('--out <file>', 'where to write the redacted copy (never the input itself)')
    .option('--contract <id>', 'treat every entry as this contract (as in check)')
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .addHelpText('after', '\nThe copy is scanned for every credential value, in every encoding, before it is written; on any hit nothing is written.\nExit codes: 0 written, 2 usage error (unreadable or not HAR, --out is the input or a symlink, nothing to redact, a leak found).\nExample: conformance redact test/fixtures/har/chrome-devtools-mixed-hosts.har --out out/capture.redacted.har')
    .action(async (input: string, flags: RedactFlags) => {
      const { redactAction } = await import('../commands/redact.ts');
      await redactAction(input, flags, io);
    });
}
