import type { CheckResult, FailedResult } from '../../src/model/check-result.ts';
import type { RunSummary } from '../../src/model/run-summary.ts';
import type { CliResult } from './run-cli.ts';
import { runCommand } from './run-command.ts';

/** A `run --reporter json` invocation with its parsed report. */
export interface ReportRun extends CliResult {
  readonly report: RunSummary;
}

/** How a command is run: in-process (`runCommand`, the default) or as a subprocess (`runCli`). */
export type CommandRunner = (args: readonly string[]) => Promise<CliResult>;

/** Run `conformance run ...args --reporter json` (in-process unless told) and parse the JSON report from stdout. */
export async function runReport(args: readonly string[], run: CommandRunner = runCommand): Promise<ReportRun> {
  const result = await run(['run', ...args, '--reporter', 'json']);
  let report: RunSummary;
  try {
    report = JSON.parse(result.stdout) as RunSummary;
  } catch {
    throw new Error(`run ${args.join(' ')} printed no JSON report (exit ${result.code}).\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return { ...result, report };
}

/** `run` against the Centra contract with the given recordings folder (and optionally another contracts folder). */
export function runCentra(recordings: string, contracts = 'contracts/centra'): Promise<ReportRun> {
  return runReport(['--vendor', 'centra', '--contracts', contracts, '--recordings', recordings]);
}

/** Ids of the checks that failed, sorted and without repeats. */
export function failedChecks(report: RunSummary): string[] {
  return [...new Set(report.results.filter((r) => r.state === 'failed').map((r) => r.check))].sort();
}

/** The failed results of one check. */
export function failuresOf(report: RunSummary, check: string): FailedResult[] {
  return report.results.filter((r): r is FailedResult => r.state === 'failed' && r.check === check);
}

/** The results of one check, optionally for one case. */
export function resultsOf(report: RunSummary, check: string, caseName?: string): CheckResult[] {
  return report.results.filter((r) => r.check === check && (caseName === undefined || r.case === caseName));
}

/** Every violation message of the failed results of one check, joined (for `toContain` assertions). */
export function failureText(report: RunSummary, check: string): string {
  return failuresOf(report, check)
    .flatMap((r) => r.violations.map((v) => `${v.rule} ${v.path}: ${v.message}`))
    .join('\n');
}
