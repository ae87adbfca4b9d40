import type { Command } from 'commander';
import { SuiteError } from '../../errors.ts';
import { planEntries } from '../../check/plan-entries.ts';
import { readCaptures } from '../../check/read-captures.ts';
import { redactCapture } from '../../check/redact-capture.ts';
import { writeRedacted } from '../../check/write-redacted.ts';
import { findContract, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS } from '../paths.ts';
import type { CliIo } from '../io.ts';

interface RedactFlags {
  readonly out: string;
  readonly contract?: string;
  readonly contracts: string;
}

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
      const contracts = await loadAllContracts([flags.contracts]);
      const forced = flags.contract === undefined ? undefined : findContract(contracts, flags.contract).contract;
      const [capture] = await readCaptures([input]);
      if (capture === undefined) throw new SuiteError('USAGE', `Cannot read ${input}.`);
      const planned = planEntries(capture.entries, contracts.map((l) => l.contract), forced);
      if (!planned.some((p) => p.match !== undefined)) throw new SuiteError('USAGE', `None of the ${planned.length} entries of ${input} is for a known contract, so no credential position is known; nothing was written. Name one with --contract V/OP.`);
      const redacted = redactCapture(capture, planned);
      await writeRedacted(input, flags.out, redacted.text, redacted.secrets);
      const where = redacted.redactions.map((r) => `entry ${r.index}: ${r.places.join(', ')}`);
      io.stderr.write(`wrote ${flags.out}: ${redacted.secrets.length} credential value(s) replaced in ${redacted.redactions.length} entr${redacted.redactions.length === 1 ? 'y' : 'ies'}${where.length === 0 ? '' : `\n  ${where.join('\n  ')}`}\n`);
      io.setExitCode(0);
    });
}
