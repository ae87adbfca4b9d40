import { SuiteError } from '../../errors.ts';
import type { Reporter } from '../../types/reporter.ts';
import { assertOneOnStdout, createReporter, parseReporterSpec } from '../../../reporters/index.ts';
import { redactingReporter } from '../../recording/redact-reporter.ts';
import { redactText } from '../../recording/redact-text.ts';
import { CHECKS } from '../../../suites/index.ts';
import { strictChecks } from '../../../suites/strict-checks.ts';
import { parseShard } from '../parse-shard.ts';
import { planAndCheck, reportCapture } from '../../check/check-captures.ts';
import { findCaptures } from '../../check/find-captures.ts';
import { plannedSecrets, type PlannedEntry } from '../../check/plan-entries.ts';
import { readCapturedEntries } from '../../check/read-captures.ts';
import type { LoadedContract } from '../../types/contract.ts';
import { findContract, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, displayPath } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { TOOL } from '../options.ts';
import { parseVendorVersions } from '../parse-vendor-versions.ts';

export interface CheckFlags {
  readonly contract?: string;
  readonly reporter: string[];
  readonly contracts: string;
  readonly unknown: string;
  readonly vendorVersion: string[];
  readonly entry: string[];
  readonly shard?: string;
  readonly strict?: boolean;
}


export async function check(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
  if (flags.unknown !== 'ignore' && flags.unknown !== 'fail') throw new SuiteError('USAGE', `Unknown --unknown "${flags.unknown}". Available: ignore, fail.`);
  const shard = parseShard(flags.shard);
  const specs = flags.reporter.length === 0 ? ['console'] : flags.reporter;
  assertOneOnStdout(specs, parseReporterSpec, 'json:out/check.json');
  const contracts = await loadAllContracts([flags.contracts]);
  const forced = flags.contract === undefined ? undefined : findContract(contracts, flags.contract).contract;
  const vendorVersions = parseVendorVersions(flags.vendorVersion, contracts.map((l) => l.contract.vendor));
  const captures = await readCapturedEntries(await findCaptures(paths));
  const only = parseEntries(flags.entry);
  const versionFlags = flags.vendorVersion.map((v) => ` --vendor-version ${v}`).join('');
  const contractsFlag = flags.contracts === DEFAULT_CONTRACTS ? '' : ` --contracts ${displayPath(flags.contracts)}`;
  // Each entry is checked as it is planned (its request parsed once); reporters see the results only
  // once every entry's credentials are known.
  const done = await planAndCheck(only === undefined ? captures.entries : captures.entries.filter((e) => only.has(e.index)), {
    contracts: contracts.map((l) => l.contract),
    ...(forced === undefined ? {} : { forced }),
    ...(shard === undefined ? {} : { shard }),
    checks: flags.strict === true ? strictChecks(CHECKS) : CHECKS,
    unknown: flags.unknown,
    vendorVersions,
    severalFiles: captures.files > 1,
    reproduce: (entry) => `conformance check ${entry.file} --entry ${entry.index}${forced === undefined ? '' : ` --contract ${forced.id}`}${versionFlags}${flags.strict === true ? ' --strict' : ''}${contractsFlag}`,
  });
  const all = done.planned;
  // Judged on the whole capture, so a shard that happens to hold only other hosts' entries is not an error.
  assertSomethingToCheck(all, paths);
  // The capture holds the team's real credentials: no reporter ever sees one (in any shard's entries).
  const secrets = plannedSecrets(all);
  const reporters: Reporter[] = specs.map((spec) => redactingReporter(createReporter(spec, { color: io.color, stdout: io.stdout }), secrets));
  let reporterFailed = false;
  const summary = await reportCapture(done, {
    contracts: used(contracts, all),
    ...(shard === undefined ? {} : { shard, capture: all }),
    reporters,
    tool: TOOL,
    onReporterError: (message) => {
      reporterFailed = true;
      io.stderr.write(`error: ${redactText(message, secrets).text}\n`);
    },
  });
  if (reporterFailed) return 2;
  return summary.ok ? 0 : 1;
}

/** `--entry` values as 1-based positions; undefined when none was given. */
function parseEntries(values: readonly string[]): Set<number> | undefined {
  if (values.length === 0) return undefined;
  return new Set(values.map((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new SuiteError('USAGE', `--entry ${v} is not an entry position (1, 2, …).`);
    return n;
  }));
}

function used(contracts: readonly LoadedContract[], planned: readonly PlannedEntry[]): LoadedContract[] {
  return contracts.filter((l) => planned.some((p) => p.match?.contract.id === l.contract.id));
}

/** A capture with no entry for any contract proves nothing: say so rather than pass. */
function assertSomethingToCheck(planned: readonly PlannedEntry[], paths: readonly string[]): void {
  if (planned.length === 0) throw new SuiteError('USAGE', `${paths.join(', ')}: no entries to check (log.entries is empty, or --entry names none).`);
  if (planned.some((p) => p.match !== undefined)) return;
  const hosts = [...new Set(planned.map((p) => hostOf(p.entry.exchange.request.url)))].slice(0, 5).join(', ');
  throw new SuiteError('USAGE', `None of the ${planned.length} entries is for a known contract (hosts: ${hosts}); nothing was checked. Name one with --contract V/OP, or check --contracts.`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}
