import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CONTRACTS, DEFAULT_OUT, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import { addLiveFlags } from './live-flags.ts';
import type { RecordFlags } from '../commands/record.ts';

/** Where `record` writes unless told otherwise: never over the committed baseline in recordings/. */
const DEFAULT_RECORD_OUT = join(DEFAULT_OUT, 'recordings');

/** `conformance record`: run the cases against live or the simulators and write redacted HAR recordings. */
export function registerRecord(program: Command, io: CliIo): void {
  const command = program
    .command('record')
    .description('Send every case to live vendors (or the simulators) and write redacted HAR recordings, atomically')
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--target <target>', 'live or simulate', 'live')
    .option('--out <dir>', 'recordings folder to write (the committed recordings/ only when named explicitly)', DEFAULT_RECORD_OUT)
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--recordings <dir>', 'recordings the simulators answer from (simulate)', DEFAULT_RECORDINGS);
  addLiveFlags(command, { timeout: 10_000, runTimeout: 300_000 })
    .addHelpText('after', '\nEvery secret is redacted, and a leak guard refuses to write any file still holding one.\nExit codes: 0 every case recorded, 1 a case got no response, or a file was held back because it still held a secret or replay would refuse it (every other file is written), 2 usage or configuration.\nExample: conformance record --target simulate --out out/recordings && conformance run --recordings out/recordings')
    .action(async (flags: RecordFlags) => {
      const { record } = await import('../commands/record.ts');
      io.setExitCode(await record(flags, io));
    });
}
