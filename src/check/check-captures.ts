import type { CheckResult } from '../model/check-result.ts';
import type { EntrySummary } from '../model/entry-summary.ts';
import { countTotals, REPORT_SCHEMA_VERSION, type ContractSummary, type RunSummary, type RunWarning } from '../model/run-summary.ts';
import { violation } from '../model/violation.ts';
import { notifyReporters } from '../runner/notify-reporters.ts';
import type { Reporter } from '../types/reporter.ts';
import type { Check } from '../../suites/check.ts';
import { entryId, type CapturedEntry } from './captured-entry.ts';
import { applicableExchangeChecks, checkCapturedExchange, EXCHANGE_SUITES } from './check-exchange.ts';
import { planEntry, type PlannedEntry } from './plan-entries.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import type { Contract, LoadedContract } from '../types/contract.ts';
import { shardOwns, type Shard } from '../model/shard.ts';

/** The contract column of results about entries no contract matches. */
export const NO_CONTRACT = '(no contract)';

/** How each entry is checked: what its results say. */
export interface EntryCheckOptions {
  readonly checks: readonly Check[];
  /** `fail`: an entry no contract matches is a failure. @default 'ignore' */
  readonly unknown?: 'ignore' | 'fail';
  /** Targeted vendor versions by vendor. */
  readonly vendorVersions?: Readonly<Record<string, string>>;
  /** Whether several files are checked (labels then name the file). */
  readonly severalFiles?: boolean;
  /** The reproduce command for an entry's failure. */
  readonly reproduce?: (entry: CapturedEntry, contract: string) => string;
}

/** How checked entries are reported (target `check`). */
export interface ReportCaptureOptions {
  readonly contracts: readonly LoadedContract[];
  readonly reporters: readonly Reporter[];
  readonly tool: { readonly name: string; readonly version: string };
  readonly onReporterError?: (message: string) => void;
  /** The shard these entries are (`check --shard i/n`); recorded in the report for `merge-reports`. */
  readonly shard?: Shard;
  /** The whole capture when the checked entries are one shard of it: the file-level secrets warning speaks of all of it, in every shard alike. */
  readonly capture?: readonly PlannedEntry[];
}

/** What `conformance check` needs; the CLI wires it. */
export interface CheckCapturesOptions extends EntryCheckOptions, ReportCaptureOptions {}

/** One entry checked: its results (each naming the capture file) and its summary. */
export interface CheckedEntry {
  readonly planned: PlannedEntry;
  /** The results announced at `onRunStart`: one per applicable exchange check, or one "not checked". */
  readonly plannedChecks: number;
  readonly results: readonly CheckResult[];
  readonly summary: EntrySummary;
}

/** Entries checked before any reporter sees them (reporters need every secret of the capture first). */
export interface CheckedEntries {
  readonly checked: readonly CheckedEntry[];
  /** When the work began (`performance.now()`), and as an ISO time, for the summary. */
  readonly started: number;
  readonly startedAt: string;
}

/** Check every planned entry and report through the run's report model (target `check`). */
export async function checkCaptures(planned: readonly PlannedEntry[], options: CheckCapturesOptions): Promise<RunSummary> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const checked: CheckedEntry[] = [];
  for (const p of planned) checked.push(await checkEntry(p, options));
  return reportCapture({ checked, started, startedAt }, options);
}

/** What {@link planAndCheck} plans with, besides how entries are checked. */
export interface PlanAndCheckOptions extends EntryCheckOptions {
  readonly contracts: readonly Contract[];
  /** The contract `--contract` names: every entry is for it. */
  readonly forced?: Contract;
  /** Only the entries this shard owns (by position) are checked; every entry is planned. */
  readonly shard?: Shard;
}

/**
 * Plan every entry, and check each entry the shard owns right after planning it, so that its request
 * body is parsed once (for contract matching, credential lookup and the checks) and the parsed
 * document is released with the entry's context. Returns every planned entry (for the secrets and
 * warnings about the whole capture) and the checked ones, ready for {@link reportCapture}.
 */
export async function planAndCheck(entries: readonly CapturedEntry[], options: PlanAndCheckOptions): Promise<{ readonly planned: readonly PlannedEntry[] } & CheckedEntries> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const planned: PlannedEntry[] = [];
  const checked: CheckedEntry[] = [];
  for (const [i, entry] of entries.entries()) {
    const one = planEntry(entry, options.contracts, options.forced);
    planned.push(one.planned);
    if (shardOwns(i, entries.length, options.shard)) checked.push(await checkEntry(one.planned, options, one.requestXml));
  }
  return { planned, checked, started, startedAt };
}

/** Report checked entries: `onRunStart`, the capture's warnings, each result in entry order, then the summary. */
export async function reportCapture(done: CheckedEntries, options: ReportCaptureOptions): Promise<RunSummary> {
  const planned = done.checked.map((c) => c.planned);
  const warnings: RunWarning[] = [];
  const notify = notifyReporters(options.reporters, (message) => {
    warnings.push({ message });
    options.onReporterError?.(message);
  });
  // A shard lists every contract of the whole capture (given by the caller), so all shards' lists agree and merge in order.
  const used = options.shard !== undefined ? options.contracts : options.contracts.filter((l) => planned.some((p) => p.match?.contract.id === l.contract.id));
  await notify('onRunStart', { target: 'check', contracts: used.map((l) => l.contract.id), planned: done.checked.reduce((n, c) => n + c.plannedChecks, 0) });
  const own = captureWarnings(planned, options.capture ?? planned);
  for (const w of own) await notify('onWarning', w.message);
  warnings.push(...own);
  const results: CheckResult[] = [];
  const entries: EntrySummary[] = [];
  for (const c of done.checked) {
    for (const r of c.results) await notify('onCheckResult', r);
    results.push(...c.results);
    entries.push(c.summary);
  }
  const totals = countTotals(results);
  const summary: RunSummary = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: options.tool,
    target: 'check',
    command: 'check',
    startedAt: done.startedAt,
    durationMs: Math.round(performance.now() - done.started),
    ok: totals.failed === 0,
    totals,
    suites: EXCHANGE_SUITES,
    contracts: contractSummaries(used, planned, results),
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
  return contract === undefined ? 1 : applicableExchangeChecks(checks, contract).length;
}

/** One entry's results, each naming the capture (as given on the command line: the file annotators and JUnit's file= point at). */
async function checkEntry(p: PlannedEntry, options: EntryCheckOptions, requestXml?: XmlElement): Promise<CheckedEntry> {
  const checked = await entryResults(p, options, requestXml);
  return { planned: p, plannedChecks: plannedChecks(p, options.checks), results: checked.results, summary: checked.summary };
}

async function entryResults(p: PlannedEntry, options: EntryCheckOptions, requestXml: XmlElement | undefined): Promise<{ results: readonly CheckResult[]; summary: EntrySummary }> {
  const { entry } = p;
  const label = entryLabel(entry, options.severalFiles === true);
  const id = entryId(entry);
  const base = baseSummary(entry, id, p);
  if (p.match === undefined) {
    const result: CheckResult = { ...unmatched(entry, label, id, options.unknown === 'fail'), file: entry.file };
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
    resultFile: entry.file,
    requestCaptured: entry.requestBody === 'captured',
    responseCaptured: entry.responseBody === 'captured',
    ...(vendorVersion === undefined ? {} : { vendorVersion }),
    ...(options.reproduce === undefined ? {} : { reproduce: options.reproduce(entry, contract.id) }),
    ...(requestXml === undefined ? {} : { requestXml }),
  });
  const summary: EntrySummary = { ...base, contract: contract.id, match: p.match.how, differences: p.match.differences, state: checked.conformant ? 'passed' : 'failed', ...(checked.outcome === undefined ? {} : { outcome: checked.outcome }) };
  return { results: checked.results, summary };
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

function contractSummaries(used: readonly LoadedContract[], planned: readonly PlannedEntry[], results: readonly CheckResult[]): ContractSummary[] {
  // Grouped in one pass each: a large capture has 100,000 results across a handful of contracts.
  const cases = new Map<string, number>();
  for (const p of planned) if (p.match !== undefined) cases.set(p.match.contract.id, (cases.get(p.match.contract.id) ?? 0) + 1);
  const byContract = new Map<string, CheckResult[]>();
  for (const r of results) {
    const list = byContract.get(r.contract);
    if (list === undefined) byContract.set(r.contract, [r]);
    else list.push(r);
  }
  return used.map(({ contract: c, file }) => ({ id: c.id, vendor: c.vendor, operation: c.operation, protocol: c.protocol, file, cases: cases.get(c.id) ?? 0, totals: countTotals(byContract.get(c.id) ?? []) }));
}
