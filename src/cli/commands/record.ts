import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CaseSpec, LoadedContract } from '../../types/contract.ts';
import type { Exchange } from '../../model/http.ts';
import { buildRequest } from '../../protocols/build-request.ts';
import { assertNoSecrets, type PendingFile } from '../../recording/leak-guard.ts';
import { recordedHar } from '../../recording/recorded-har.ts';
import { redactExchange } from '../../recording/redact-exchange.ts';
import { redactText } from '../../recording/redact-text.ts';
import { recordingPath } from '../../recording/recording-path.ts';
import type { Target } from '../../types/target.ts';
import { writeFileAtomic } from '../../../reporters/index.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_OUT, DEFAULT_RECORDINGS, displayPath, refuseNodeModules } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect, TOOL } from '../options.ts';
import { addLiveFlags, openFromFlags, type LiveFlags } from './live-flags.ts';

/** Where `record` writes unless told otherwise: never over the committed baseline in recordings/. */
const DEFAULT_RECORD_OUT = join(DEFAULT_OUT, 'recordings');

interface RecordFlags extends LiveFlags {
  readonly vendor: string[];
  readonly out: string;
  readonly contracts: string;
  readonly recordings: string;
}

interface Captured {
  readonly loaded: LoadedContract;
  readonly case: CaseSpec;
  readonly exchange?: Exchange;
  readonly problem?: string;
}

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
    .addHelpText('after', '\nEvery secret is redacted, and a leak guard refuses to write any file still holding one.\nExit codes: 0 every case recorded, 1 a case got no response (the others are written), 2 usage, configuration or leak.\nExample: conformance record --target simulate --out out/recordings && conformance run --recordings out/recordings')
    .action(async (flags: RecordFlags) => {
      io.setExitCode(await record(flags, io));
    });
}

async function record(flags: RecordFlags, io: CliIo): Promise<number> {
  refuseNodeModules(flags.out, '--out');
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const opened = await openFromFlags(flags, contracts, flags.recordings);
  let captured: Captured[];
  try {
    // Vendors in parallel; each vendor's cases one after another, in contract order, as state matters.
    captured = (await Promise.all(contracts.map((l) => captureVendor(l, opened.target, opened.credentials(l.contract))))).flat();
  } finally {
    await opened.target.close();
  }
  const recordedAt = new Date().toISOString();
  const files: PendingFile[] = captured.flatMap((c) => {
    if (c.exchange === undefined) return [];
    const redacted = redactExchange(c.loaded.contract, c.exchange, opened.secrets);
    const text = recordedHar(redacted, { contract: c.loaded.contract.id, contractHash: c.loaded.hash, case: c.case.name, target: opened.target.name, recordedAt, creator: TOOL });
    return [{ path: join(flags.out, recordingPath(c.loaded.contract, c.case)), text }];
  });
  // Independent of the redaction above: nothing is written if any file still holds a secret.
  assertNoSecrets(files, opened.secrets);
  for (const file of files) await writeFileAtomic(file.path, file.text);
  const failed = captured.filter((c) => c.exchange === undefined);
  io.stdout.write(`Recorded ${files.length} case(s) from target ${opened.target.name} into ${displayPath(flags.out)}${resolve(flags.out) === resolve(DEFAULT_RECORDINGS) ? ' (the committed baseline)' : ''}.\n`);
  for (const f of failed) io.stdout.write(`  no recording for ${f.loaded.contract.id} case ${f.case.name}: ${redactText(f.problem ?? '', opened.secrets).text}\n`);
  if (files.length > 0) io.stdout.write(`Check them: conformance run --recordings ${displayPath(flags.out)}${flags.contracts === DEFAULT_CONTRACTS ? '' : ` --contracts ${displayPath(flags.contracts)}`}\n`);
  return failed.length === 0 ? 0 : 1;
}

async function captureVendor(loaded: LoadedContract, target: Target, credentials: Readonly<Record<string, string>>): Promise<Captured[]> {
  const out: Captured[] = [];
  for (const c of loaded.contract.cases) {
    const built = buildRequest(loaded.contract, c.input, { baseUrl: target.baseUrl(loaded.contract.id), credentials });
    const sent = await target.send(built.request);
    out.push(sent.ok ? { loaded, case: c, exchange: sent.exchange } : { loaded, case: c, problem: sent.problem });
  }
  return out;
}

