import { SuiteError } from '../../errors.ts';
import type { Contract } from '../../types/contract.ts';
import type { Reporter } from '../../types/reporter.ts';
import { assertOneOnStdout, createReporter, parseReporterSpec } from '../../../reporters/index.ts';
import { runConformance, type RunFilter } from '../../runner/run-conformance.ts';
import type { LoadedContract } from '../../types/contract.ts';
import { requireReadable } from '../require-readable.ts';
import { parseShard } from '../parse-shard.ts';
import { locateCases } from '../locate-cases.ts';
import { reporterOptions } from '../reporter-options.ts';
import { createReplayTarget } from '../../targets/replay.ts';
import { loadReplayEntries } from '../../targets/load-replay-entries.ts';
import { createRecordingCache } from '../../recording/recording-cache.ts';
import { redactingReporter } from '../../recording/redact-reporter.ts';
import { redactText } from '../../recording/redact-text.ts';
import type { Target } from '../../types/target.ts';
import { placeholderCredentials } from '../../contract/placeholder-credentials.ts';
import { CHECKS } from '../../../suites/index.ts';
import { strictChecks } from '../../../suites/strict-checks.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS, displayPath } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { TOOL } from '../options.ts';
import { openFromFlags, type LiveFlags } from './live-flags.ts';
import { parseVendorVersions } from '../parse-vendor-versions.ts';

export interface RunFlags extends LiveFlags {
  readonly vendor: string[];
  readonly reporter: string[];
  readonly contracts: string;
  readonly recordings: string;
  readonly vendorVersion: string[];
  readonly case: string[];
  readonly check: string[];
  readonly strict?: boolean;
  readonly shard?: string;
}


export async function run(flags: RunFlags, io: CliIo): Promise<number> {
  if (!['replay', 'simulate', 'live'].includes(flags.target)) {
    throw new SuiteError('USAGE', `Unknown --target "${flags.target}". Available: replay, simulate, live.`);
  }
  const shard = parseShard(flags.shard);
  const specs = flags.reporter.length === 0 ? ['console'] : flags.reporter;
  const plain = createReporters(specs, io);
  // Configuration errors end the run before anything runs, in one line each.
  await requireReadable(flags.contracts, '--contracts');
  await requireReadable(flags.recordings, '--recordings', 'folder');
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const only = checkFilter(flags, contracts);
  const vendorVersions = parseVendorVersions(flags.vendorVersion, contracts.map((l) => l.contract.vendor));
  const recordings = createRecordingCache();
  const { target, credentials, secrets } = await openRunTarget(flags, contracts, recordings);
  // Against live vendors and the simulators, answers could echo a credential: reports never show one.
  const reporters = plain.map((r) => redactingReporter(r, secrets));
  let reporterFailed = false;
  try {
    const summary = await runConformance({
      contracts,
      checks: flags.strict === true ? strictChecks(CHECKS) : CHECKS,
      reporters,
      tool: TOOL,
      recordingsDir: flags.recordings,
      recordings,
      target,
      credentials,
      vendorVersions,
      only,
      ...(shard === undefined ? {} : { shard }),
      locateCase: await locateCases(contracts),
      reproduceFlags: {
        contracts: flags.contracts === DEFAULT_CONTRACTS ? '' : ` --contracts ${displayPath(flags.contracts)}`,
        recordings: flags.recordings === DEFAULT_RECORDINGS ? '' : ` --recordings ${displayPath(flags.recordings)}`,
      },
      onReporterError: (message) => {
        reporterFailed = true;
        io.stderr.write(`error: ${redactText(message, secrets).text}\n`);
      },
    });
    // A report that could not be written is a configuration error, whatever the checks said.
    if (reporterFailed) return 2;
    return summary.ok ? 0 : 1;
  } finally {
    await target.close();
  }
}

interface RunTarget {
  readonly target: Target;
  readonly credentials: (contract: Contract) => Readonly<Record<string, string>>;
  readonly secrets: readonly string[];
}

/** Replay (offline, placeholder credentials), or the live or simulate target with real credentials. */
async function openRunTarget(flags: RunFlags, contracts: Awaited<ReturnType<typeof loadAllContracts>>, recordings: ReturnType<typeof createRecordingCache>): Promise<RunTarget> {
  if (flags.target !== 'replay') return openFromFlags(flags, contracts, flags.recordings, recordings);
  const entries = await loadReplayEntries(contracts, flags.recordings, recordings);
  return { target: createReplayTarget(entries, contracts.map((l) => l.contract)), credentials: placeholderCredentials, secrets: [] };
}

function createReporters(specs: readonly string[], io: CliIo): Reporter[] {
  assertOneOnStdout(specs, parseReporterSpec, 'json:out/report.json');
  return specs.map((spec) => createReporter(spec, reporterOptions(io)));
}

/** `--case` and `--check` must name a case and a check that exist, so a typo is not an empty green run. */
function checkFilter(flags: RunFlags, contracts: readonly LoadedContract[]): RunFilter {
  const cases = new Set(contracts.flatMap((l) => l.contract.cases.map((c) => c.name)));
  const unknownCase = flags.case.find((c) => !cases.has(c));
  if (unknownCase !== undefined) throw new SuiteError('USAGE', `Unknown --case "${unknownCase}" in ${contracts.map((l) => l.contract.id).join(', ')}.`);
  const checks = new Set(CHECKS.map((c) => c.id));
  const unknownCheck = flags.check.find((c) => !checks.has(c));
  if (unknownCheck !== undefined) throw new SuiteError('USAGE', `Unknown --check "${unknownCheck}". Checks are listed in the JSON report (results[].check), e.g. request.namespaces.`);
  return { cases: flags.case, checks: flags.check };
}
