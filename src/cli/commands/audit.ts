import { stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isSuiteError, SuiteError } from '../../errors.ts';
import { acceptBaseline } from '../../audit/accept-baseline.ts';
import { auditPairs } from '../../audit/audit-pairs.ts';
import type { AuditReporter } from '../../audit/audit-reporter.ts';
import type { AuditSummary } from '../../audit/audit-summary.ts';
import { collectAudit } from '../../audit/collect-audit.ts';
import { DRIFT_SEVERITIES, isDriftSeverity, type DriftSeverity } from '../../audit/drift-severity.ts';
import type { Contract } from '../../types/contract.ts';
import { createAuditReporter, parseAuditReporterSpec } from '../../../reporters/audit/index.ts';
import { assertOneOnStdout } from '../../../reporters/shared/parse-reporter-spec.ts';
import { DRIFT_RULES } from '../../../suites/audit/index.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import type { CliIo } from '../io.ts';
import { TOOL } from '../options.ts';

export interface AuditFlags {
  readonly baseline: string;
  readonly current: string;
  readonly failOn: string;
  readonly reporter: string[];
  readonly contracts: string;
  readonly vendor: string[];
  readonly accept?: boolean;
}


export async function audit(flags: AuditFlags, io: CliIo): Promise<number> {
  const failOn = parseFailOn(flags.failOn);
  const reporters = createReporters(flags.reporter.length === 0 ? ['console'] : flags.reporter, io);
  // Reports go into PR comments: folders as typed, or relative to the working directory, never absolute.
  const baseline = shownFolder(flags.baseline);
  const current = shownFolder(flags.current);
  await requireFolder(baseline, '--baseline');
  await requireFolder(current, '--current');
  const loaded = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const contracts = new Map<string, Contract>(loaded.map((l) => [l.contract.id, l.contract]));
  const started = performance.now();
  const summary = await collectAudit(auditPairs({ baseline, current, contracts, rules: DRIFT_RULES, vendors: flags.vendor }), {
    tool: TOOL,
    baseline,
    current,
    failOn,
    startedAt: new Date().toISOString(),
    elapsedMs: () => performance.now() - started,
  });
  // A report that could not be written is a configuration error, whatever the audit found.
  if (!(await notify(reporters, summary, io))) return 2;
  if (flags.accept === true) return accept(baseline, current, summary, contracts, io);
  return summary.ok ? 0 : 1;
}

async function accept(baseline: string, current: string, summary: AuditSummary, contracts: ReadonlyMap<string, Contract>, io: CliIo): Promise<number> {
  try {
    const done = await acceptBaseline({ baseline, current, pairs: summary.pairs, contracts, env: process.env });
    const what = done.written.length + done.removed.length === 0 ? 'nothing to accept: no case drifted' : `${done.written.length} file(s) written, ${done.removed.length} removed`;
    io.stderr.write(`Accepted into ${baseline}: ${what}.\n${[...done.written.map((f) => `  written ${f}\n`), ...done.removed.map((f) => `  removed ${f}\n`)].join('')}`);
    return 0;
  } catch (error) {
    // A leak is a finding about the current recordings, not a usage error: exit 1, nothing written.
    if (!(isSuiteError(error) && error.code === 'SECRET_LEAK')) throw error;
    io.stderr.write(`error: --accept refused, the baseline is unchanged. ${error.message}\n${error.details.map((d) => `  ${d}\n`).join('')}`);
    return 1;
  }
}

/** A folder as the user typed it when relative, else relative to the working directory (`.` for itself). */
function shownFolder(path: string): string {
  return isAbsolute(path) ? relative(process.cwd(), path) || '.' : path;
}

function parseFailOn(value: string): DriftSeverity {
  if (isDriftSeverity(value)) return value;
  throw new SuiteError('USAGE', `Unknown --fail-on "${value}". Use one of: ${DRIFT_SEVERITIES.join(', ')}.`);
}

async function requireFolder(path: string, flag: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw new SuiteError('FILE_UNREADABLE', `Cannot read ${flag} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  if (!isDirectory) throw new SuiteError('FILE_UNREADABLE', `${flag} ${path} is not a folder of recordings.`);
}

function createReporters(specs: readonly string[], io: CliIo): AuditReporter[] {
  assertOneOnStdout(specs, parseAuditReporterSpec, 'markdown:out/audit.md');
  return specs.map((spec) => createAuditReporter(spec, { color: io.color, stdout: io.stdout }));
}

/** Call every reporter; one that throws is reported on stderr and does not stop the others. */
async function notify(reporters: readonly AuditReporter[], summary: AuditSummary, io: CliIo): Promise<boolean> {
  let ok = true;
  for (const reporter of reporters) {
    try {
      await reporter.onAuditEnd(summary);
    } catch (error) {
      ok = false;
      io.stderr.write(`error: the ${reporter.name} reporter failed: ${(error as Error).message}\n`);
    }
  }
  return ok;
}
