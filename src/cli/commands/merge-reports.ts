import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readTextFile } from '../../codec/text/read-text-file.ts';
import { SuiteError } from '../../errors.ts';
import reportSchema from '../../../reporters/json-report.schema.json' with { type: 'json' };
import { assertOneOnStdout, createReporter, parseReporterSpec } from '../../../reporters/index.ts';
import { createAjv } from '../../contract/create-ajv.ts';
import { REPORT_SCHEMA_VERSION, type RunSummary } from '../../model/run-summary.ts';
import { mergeSummaries, type NamedSummary } from '../../runner/merge-summaries.ts';
import { notifyReporters } from '../../runner/notify-reporters.ts';
import { CHECKS } from '../../../suites/index.ts';
import type { CheckResult } from '../../model/check-result.ts';
import { locateCases } from '../locate-cases.ts';
import type { CliIo } from '../io.ts';
import { reporterOptions } from '../reporter-options.ts';

/** Most report files one merge reads (folders are searched for `*.json`). */
export const MAX_REPORT_FILES = 1000;
/** Largest report file one merge reads, in bytes. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

export interface MergeFlags {
  readonly reporter: string[];
}


export async function mergeReports(paths: readonly string[], flags: MergeFlags, io: CliIo): Promise<number> {
  const specs = flags.reporter.length === 0 ? ['console'] : flags.reporter;
  assertOneOnStdout(specs, parseReporterSpec, 'json:out/report.json');
  const reporters = specs.map((spec) => createReporter(spec, reporterOptions(io)));
  const files = await findReports(paths);
  const reports = await Promise.all(files.map(readReport));
  const merged = mergeSummaries(reports, { checkOrder: CHECKS.map((c) => c.id) });
  if (!merged.ok) throw new SuiteError('INPUT_INVALID', `Cannot merge ${files.length} report(s): ${merged.problem}`);
  const summary = await restoreLocations(merged.value);
  let reporterFailed = false;
  const notify = notifyReporters(reporters, (message) => {
    reporterFailed = true;
    io.stderr.write(`error: ${message}\n`);
  });
  await notify('onRunEnd', summary);
  if (reporterFailed) return 2;
  return summary.ok ? 0 : 1;
}

/**
 * What the JSON report leaves out and the reporters point at, put back as the unsharded command has
 * it: for `check`, the capture each result is about (its entry's file); for `run`, the line of each
 * case in its contract file (best effort, as `run` does: a contract file not found gives no line).
 */
async function restoreLocations(summary: RunSummary): Promise<RunSummary> {
  if (summary.target === 'check') {
    const files = new Map((summary.entries ?? []).map((e) => [e.id, e.file]));
    return { ...summary, results: summary.results.map((r) => withFile(r, r.entry === undefined ? undefined : files.get(r.entry))) };
  }
  const locate = await locateCases(summary.contracts.map((c) => ({ contract: { id: c.id }, file: c.file })));
  return {
    ...summary,
    results: summary.results.map((r) => {
      const line = r.case === null ? undefined : locate(r.contract, r.case);
      return line === undefined ? r : { ...r, line };
    }),
  };
}

function withFile(r: CheckResult, file: string | undefined): CheckResult {
  return file === undefined ? r : { ...r, file };
}

/** The files named, and `*.json` under the folders named (sorted; the order of shards comes from the reports). */
async function findReports(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new SuiteError('FILE_UNREADABLE', `Cannot read ${path}: ${error.code ?? String(error)}`);
    });
    out.push(...(info.isDirectory() ? await jsonFilesUnder(path) : [path]));
    if (out.length > MAX_REPORT_FILES) throw new SuiteError('USAGE', `More than ${MAX_REPORT_FILES} report files under ${paths.join(', ')} (MAX_REPORT_FILES).`);
  }
  if (out.length === 0) throw new SuiteError('USAGE', `No .json reports under ${paths.join(', ')}.`);
  return out;
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const entries = [...(await readdir(dir, { withFileTypes: true }))].sort((a, b) => a.name.localeCompare(b.name));
  const nested = await Promise.all(entries.map(async (e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return jsonFilesUnder(path);
    return e.isFile() && e.name.toLowerCase().endsWith('.json') ? [path] : [];
  }));
  return nested.flat();
}

let compiled: ValidateFunction<RunSummary> | undefined;
/** Compiled on first use: other commands never pay for it. */
function reportValidator(): ValidateFunction<RunSummary> {
  compiled ??= createAjv().compile<RunSummary>(reportSchema);
  return compiled;
}

/** One JSON report, checked against reporters/json-report.schema.json; anything else is a usage error naming the file. */
async function readReport(file: string): Promise<NamedSummary> {
  const read = await readTextFile(file, { maxBytes: MAX_REPORT_BYTES, name: 'MAX_REPORT_BYTES' });
  if (!read.ok) throw new SuiteError('FILE_UNREADABLE', `${read.problem}.`);
  const text = read.value;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SuiteError('INPUT_INVALID', `${file} is not JSON (${(error as Error).message}); merge-reports reads the reports of --reporter json:PATH.`);
  }
  const version = typeof value === 'object' && value !== null ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== undefined && version !== REPORT_SCHEMA_VERSION) {
    throw new SuiteError('INPUT_INVALID', `${file} is a report of schemaVersion ${JSON.stringify(version)}; this conformance reads schemaVersion ${REPORT_SCHEMA_VERSION}. Merge reports made by the same version.`);
  }
  const validateReport = reportValidator();
  if (!validateReport(value)) {
    throw new SuiteError('INPUT_INVALID', `${file} is not a conformance JSON report (reporters/json-report.schema.json): ${describeErrors(validateReport.errors ?? [])}`);
  }
  return { file, summary: value };
}

function describeErrors(errors: readonly ErrorObject[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.instancePath === '' ? '(root)' : e.instancePath} ${e.message ?? 'is invalid'}`);
  return `${shown.join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}.`;
}
