import { join, resolve } from 'node:path';
import type { CaseSpec, LoadedContract } from '../../types/contract.ts';
import type { Exchange } from '../../model/http.ts';
import { buildRequest } from '../../protocols/build-request.ts';
import type { PendingFile } from '../../recording/leak-guard.ts';
import { holdBackFiles } from '../../recording/hold-back-files.ts';
import { recordedHar } from '../../recording/recorded-har.ts';
import { redactExchange } from '../../recording/redact-exchange.ts';
import { issuedSecrets } from '../../recording/issued-secrets.ts';
import { redactText } from '../../recording/redact-text.ts';
import { recordingPath } from '../../recording/recording-path.ts';
import type { Target } from '../../types/target.ts';
import { writeFileAtomic } from '../../../reporters/index.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS, displayPath, refuseNodeModules } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { TOOL } from '../options.ts';
import { openFromFlags, type LiveFlags } from './live-flags.ts';

export interface RecordFlags extends LiveFlags {
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


export async function record(flags: RecordFlags, io: CliIo): Promise<number> {
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
  // Credentials a vendor issued in an answer (a login's token) are secrets like the run's own.
  const secrets = [...new Set([...opened.secrets, ...captured.flatMap((c) => (c.exchange === undefined ? [] : issuedSecrets(c.loaded.contract, c.exchange.response)))])].sort((a, b) => b.length - a.length);
  const files: PendingFile[] = captured.flatMap((c) => {
    if (c.exchange === undefined) return [];
    const redacted = redactExchange(c.loaded.contract, c.exchange, secrets);
    const text = recordedHar(redacted, { contract: c.loaded.contract.id, contractHash: c.loaded.hash, case: c.case.name, target: opened.target.name, recordedAt, creator: TOOL });
    return [{ path: join(flags.out, recordingPath(c.loaded.contract, c.case)), text }];
  });
  const blocked = holdBackFiles(files, secrets);
  const written = files.filter((f) => !blocked.has(f.path));
  for (const file of written) await writeFileAtomic(file.path, file.text);
  const failed = captured.filter((c) => c.exchange === undefined);
  const out = (line: string): void => void io.stdout.write(`${redactText(line, secrets).text}\n`);
  out(`Recorded ${written.length} case(s) from target ${opened.target.name} into ${displayPath(flags.out)}${resolve(flags.out) === resolve(DEFAULT_RECORDINGS) ? ' (the committed baseline)' : ''}.`);
  for (const f of failed) out(`  no recording for ${f.loaded.contract.id} case ${f.case.name}: ${f.problem ?? ''}`);
  if (blocked.size > 0) {
    io.stderr.write(`error: ${blocked.size} recording(s) not written; every other file was written:\n`);
    for (const [path, why] of blocked) io.stderr.write(`  ${displayPath(path)}: ${redactText(why, secrets).text}\n`);
  }
  if (written.length > 0) out(`Check them: conformance run --recordings ${displayPath(flags.out)}${flags.contracts === DEFAULT_CONTRACTS ? '' : ` --contracts ${displayPath(flags.contracts)}`}`);
  return failed.length === 0 && blocked.size === 0 ? 0 : 1;
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
