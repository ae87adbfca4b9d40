import { SuiteError } from '../../errors.ts';
import { planEntries } from '../../check/plan-entries.ts';
import { readCaptures } from '../../check/read-captures.ts';
import { redactCapture } from '../../check/redact-capture.ts';
import { writeRedacted } from '../../check/write-redacted.ts';
import { findContract, loadAllContracts } from '../load-contracts.ts';
import type { CliIo } from '../io.ts';

export interface RedactFlags {
  readonly out: string;
  readonly contract?: string;
  readonly contracts: string;
}

/** The `redact` command's action (loaded when the command runs). */
export async function redactAction(input: string, flags: RedactFlags, io: CliIo): Promise<void> {
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
}
