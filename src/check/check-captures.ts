import type { CheckResult } from '../model/check-result.ts';
import type { EntrySummary } from '../model/entry-summary.ts';
import { countTotals, REPORT_SCHEMA_VERSION, type ContractSummary, type RunSummary, type RunWarning } from '../model/run-summary.ts';
import { violation } from '../model/violation.ts';
import { notifyReporters } from '../runner/notify-reporters.ts';
import type { LoadedContract } from '../types/contract.ts';
import type { Reporter } from '../types/reporter.ts';
import type { Check } from '../../suites/check.ts';
import { entryId, type CapturedEntry } from './captured-entry.ts';
import { checkCapturedExchange, EXCHANGE_SUITES } from './check-exchange.ts';
import type { PlannedEntry } from './plan-entries.ts';
import type { Shard } from '../model/shard.ts';

/** The contract column of results about entries no contract matches. */
export const NO_CONTRACT = '(no contract)';

/** What `conformance check` needs; the CLI wires it. */
export interface CheckCapturesOptions {
  readonly contracts: readonly LoadedContract[];
  readonly checks: readonly Check[];
  readonly reporters: readonly Reporter[];
  readonly tool: { readonly name: string; readonly version: string };
  /** `fail`: an entry no contract matches is a failure. @default 'ignore' */
  readonly unknown?: 'ignore' | 'fail';
  /** Targeted vendor versions by vendor. */
  readonly vendorVersions?: Readonly<Record<string, string>>;
  /** Whether several files are checked (labels then name the file). */
  readonly severalFiles?: boolean;
  /** The reproduce command for an entry's failure. */
  readonly reproduce?: (entry: CapturedEntry, contract: string) => string;
  readonly onReporterError?: (message: string) => void;
  /** The shard these entries are (`check --shard i/n`); recorded in the report for `merge-reports`. */
  readonly shard?: Shard;
  /** The whole capture when `planned` is one shard of it: the file-level secrets warning speaks of all of it, in every shard alike. */
  readonly capture?: readonly PlannedEntry[];
}

/** Check every planned entry and report through the run's report model (target `check`). */
export async function checkCaptures(planned: readonly PlannedEntry[], options: CheckCapturesOptions): Promise<RunSummary> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const warnings: RunWarning[] = [];
  const notify = notifyReporters(options.reporters, (message) => {
    warnings.push({ message });
    options.onReporterError?.(message);
  });
  // A shard lists every contract of the whole capture (given by the caller), so all shards' lists agree and merge in order.
  const used = options.shard !== undefined ? options.contracts : options.contracts.filter((l) => planned.some((p) => p.match?.contract.id === l.contract.id));
  await notify('onRunStart', { target: 'check', contracts: used.map((l) => l.contract.id), planned: planned.reduce((n, p) => n + plannedChecks(p, options.checks), 0) });
  const own = captureWarnings(planned, options.capture ?? planned);
  for (const w of own) await notify('onWarning', w.message);
  warnings.push(...own);
  const results: CheckResult[] = [];
  const entries: EntrySummary[] = [];
  for (const p of planned) {
    const checked = await checkEntry(p, options);
    // The capture (as given on the command line) is the file annotators and JUnit's file= point at.
    const own = checked.results.map((r) => ({ ...r, file: p.entry.file }));
    for (const r of own) await notify('onCheckResult', r);
    results.push(...own);
    entries.push(checked.summary);
  }
  const totals = countTotals(results);
  const summary: RunSummary = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: options.tool,
    target: 'check',
    command: 'check',
    startedAt,
    durationMs: Math.round(performance.now() - started),
    ok: totals.failed === 0,
    totals,
    suites: EXCHANGE_SUITES,
    contracts: used.map((l) => contractSummary(l, planned, results)),
    results,
    findings: [],
    coverage: [],
    warnings,
    entries,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
  };
  await notify('onRunEnd', summary);
  return summary;
}

/** How many results an entry gives: one per applicable exchange check, or one "not checked". */
function plannedChecks(p: PlannedEntry, checks: readonly Check[]): number {
  const contract = p.match?.contract;
  if (contract === undefined) return 1;
  return checks.filter((c) => c.scope === 'case' && EXCHANGE_SUITES.includes(c.suite) && c.appliesTo(contract)).length;
}

async function checkEntry(p: PlannedEntry, options: CheckCapturesOptions): Promise<{ results: CheckResult[]; summary: EntrySummary }> {
  const { entry } = p;
  const label = entryLabel(entry, options.severalFiles === true);
  const id = entryId(entry);
  const base = baseSummary(entry, id, p);
  if (p.match === undefined) {
    const result = unmatched(entry, label, id, options.unknown === 'fail');
    return { results: [result], summary: { ...base, contract: null, match: 'none', differences: [], state: result.state === 'failed' ? 'failed' : 'skipped' } };
  }
  const contract = p.match.contract;
  const vendorVersion = options.vendorVersions?.[contract.vendor];
  const checked = await checkCapturedExchange(contract, entry.exchange, {
    checks: options.checks,
    label,
    file: entry.file,
    har: entry.har,
    entry: id,
    requestCaptured: entry.requestBody === 'captured',
    responseCaptured: entry.responseBody === 'captured',
    ...(vendorVersion === undefined ? {} : { vendorVersion }),
    ...(options.reproduce === undefined ? {} : { reproduce: options.reproduce(entry, contract.id) }),
  });
  const summary: EntrySummary = { ...base, contract: contract.id, match: p.match.how, differences: p.match.differences, state: checked.conformant ? 'passed' : 'failed', ...(checked.outcome === undefined ? {} : { outcome: checked.outcome }) };
  return { results: [...checked.results], summary };
}

function baseSummary(entry: CapturedEntry, id: string, p: PlannedEntry): Pick<EntrySummary, 'id' | 'file' | 'index' | 'method' | 'host' | 'path' | 'secrets'> {
  const { host, path } = hostAndPath(entry.exchange.request.url);
  return { id, file: entry.file, index: entry.index, method: entry.exchange.request.method, host, path, secrets: [...new Set(p.credentials.filter((c) => c.secret).map((c) => c.place))] };
}

/** `entry 3`, or `app.har entry 3` when several files are checked. */
export function entryLabel(entry: CapturedEntry, withFile: boolean): string {
  return withFile ? `${entry.file} entry ${entry.index}` : `entry ${entry.index}`;
}

function unmatched(entry: CapturedEntry, label: string, id: string, fail: boolean): CheckResult {
  const { host, path } = hostAndPath(entry.exchange.request.url);
  const what = `${entry.exchange.request.method} ${host}${path}`;
  const base = { id: `${NO_CONTRACT}#${label}#capture.contract`, check: 'capture.contract', title: 'The entry is for a known contract', suite: 'request-building' as const, contract: NO_CONTRACT, case: label, durationMs: 0, entry: id };
  if (!fail) return { ...base, state: 'skipped', reason: `not checked: no contract matches ${what} (--unknown fail makes this a failure)` };
  return { ...base, state: 'failed', violations: [violation('unknown-entry', 'request', `Received: ${what} / Documented: no contract has this method and path (or SOAP operation). Check it with --contract V/OP, or leave it out of the capture.`)] };
}

function hostAndPath(url: string): { host: string; path: string } {
  try {
    const u = new URL(url);
    return { host: u.host, path: u.pathname };
  } catch {
    return { host: '', path: url.split('?')[0] ?? '' };
  }
}

/** Where the capture holds live credentials, and which bodies it lacks. Never a value. */
function captureWarnings(planned: readonly PlannedEntry[], capture: readonly PlannedEntry[]): RunWarning[] {
  const out: RunWarning[] = [];
  const byFile = new Map<string, string[]>();
  for (const p of capture) {
    const places = [...new Set(p.credentials.filter((c) => c.secret).map((c) => c.place))];
    if (places.length > 0) byFile.set(p.entry.file, [...(byFile.get(p.entry.file) ?? []), `entry ${p.entry.index} ${places.join(', ')}`]);
  }
  for (const [file, where] of byFile) {
    out.push({ message: `${file} holds live secrets (values are never shown): ${where.join('; ')}. Before committing it, run: conformance redact ${file} --out <redacted.har>` });
  }
  for (const p of planned) {
    if (p.match === undefined) continue;
    const missing = [p.entry.requestBody === 'not-captured' ? 'request' : '', p.entry.responseBody === 'not-captured' ? 'response' : ''].filter((x) => x !== '');
    if (missing.length > 0) out.push({ message: `${p.entry.file} entry ${p.entry.index}: the capture holds no ${missing.join(' or ')} body, so those checks were not run (record with bodies, e.g. Playwright recordHar content: 'embed')`, contract: p.match.contract.id });
  }
  return out;
}

function contractSummary(l: LoadedContract, planned: readonly PlannedEntry[], results: readonly CheckResult[]): ContractSummary {
  const c = l.contract;
  const cases = planned.filter((p) => p.match?.contract.id === c.id).length;
  return { id: c.id, vendor: c.vendor, operation: c.operation, protocol: c.protocol, file: l.file, cases, totals: countTotals(results.filter((r) => r.contract === c.id)) };
}
