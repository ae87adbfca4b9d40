import type { Command } from 'commander';
import { SuiteError } from '../../errors.ts';
import type { Contract } from '../../types/contract.ts';
import type { Reporter } from '../../types/reporter.ts';
import { createReporter, parseReporterSpec } from '../../../reporters/index.ts';
import { runConformance } from '../../runner/run-conformance.ts';
import { createReplayTarget } from '../../targets/replay.ts';
import { loadReplayEntries } from '../../targets/load-replay-entries.ts';
import { createRecordingCache } from '../../recording/recording-cache.ts';
import { CHECKS } from '../../../suites/index.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS, displayPath } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect, TOOL } from '../options.ts';

interface RunFlags {
  readonly target: string;
  readonly vendor: string[];
  readonly reporter: string[];
  readonly contracts: string;
  readonly recordings: string;
}

/** `conformance run`: the full conformance run; exit 0 when every check passes, 1 otherwise. */
export function registerRun(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('Run every conformance check (contract, request building, response parsing, scenarios) and report')
    .option('--target <target>', 'where requests go: replay (offline recordings)', 'replay')
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--reporter <name[:path]>', 'console, json[:PATH], junit[:PATH] (repeatable)', collect, [])
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--recordings <dir>', 'folder of HAR recordings', DEFAULT_RECORDINGS)
    .addHelpText('after', '\nExit codes: 0 all checks passed, 1 a check failed, 2 usage or configuration error.\nExample: conformance run --vendor centra --reporter console --reporter junit:out/junit.xml')
    .action(async (flags: RunFlags) => {
      io.setExitCode(await run(flags, io));
    });
}

async function run(flags: RunFlags, io: CliIo): Promise<number> {
  if (flags.target !== 'replay') {
    throw new SuiteError('USAGE', `Unknown or unavailable --target "${flags.target}". Available: replay.`);
  }
  const reporters = createReporters(flags.reporter.length === 0 ? ['console'] : flags.reporter, io);
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const recordings = createRecordingCache();
  const entries = await loadReplayEntries(contracts, flags.recordings, recordings);
  const target = createReplayTarget(entries, contracts.map((l) => l.contract));
  let reporterFailed = false;
  try {
    const summary = await runConformance({
      contracts,
      checks: CHECKS,
      reporters,
      tool: TOOL,
      recordingsDir: flags.recordings,
      recordings,
      target,
      credentials: exampleCredentials,
      reproduceFlags: {
        contracts: flags.contracts === DEFAULT_CONTRACTS ? '' : ` --contracts ${displayPath(flags.contracts)}`,
        recordings: flags.recordings === DEFAULT_RECORDINGS ? '' : ` --recordings ${displayPath(flags.recordings)}`,
      },
      onReporterError: (message) => {
        reporterFailed = true;
        io.stderr.write(`error: ${message}\n`);
      },
    });
    // A report that could not be written is a configuration error, whatever the checks said.
    if (reporterFailed) return 2;
    return summary.ok ? 0 : 1;
  } finally {
    await target.close();
  }
}

/** Offline replay uses each contract's placeholder credentials; recordings hold the redaction marker. */
function exampleCredentials(contract: Contract): Record<string, string> {
  return Object.fromEntries(Object.entries(contract.credentials).map(([name, c]) => [name, c.example]));
}

function createReporters(specs: readonly string[], io: CliIo): Reporter[] {
  const toStdout = specs.filter((s) => parseReporterSpec(s).path === undefined);
  if (toStdout.length > 1) {
    throw new SuiteError('USAGE', `Only one reporter can write to stdout (got ${toStdout.join(', ')}). Give the others a path, e.g. --reporter json:out/report.json.`);
  }
  return specs.map((spec) => createReporter(spec, { color: io.color, stdout: io.stdout }));
}
