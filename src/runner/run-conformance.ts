import type { CaseSpec, Contract, LoadedContract } from '../types/contract.ts';
import type { ExchangeInfo, Reporter } from '../types/reporter.ts';
import type { CheckResult } from '../model/check-result.ts';
import { ALL_SUITES, SUITES } from '../model/check-result.ts';
import { countTotals, REPORT_SCHEMA_VERSION, type ContractSummary, type Finding, type RunSummary, type RunWarning } from '../model/run-summary.ts';
import type { CaseContext, Check } from '../../suites/check.ts';
import type { ContractCoverage } from '../coverage/coverage.ts';
import { prepareCase, type PrepareOptions } from './prepare-case.ts';
import type { ReproduceFlags } from './reproduce.ts';
import { startContractRun, type ContractPlan, type ContractRun } from './contract-run.ts';
import { notifyReporters } from './notify-reporters.ts';
import { shardOwns, type Shard } from '../model/shard.ts';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { createSemaphore } from '../targets/live/semaphore.ts';
import { compareIds } from '../model/compare-ids.ts';

/** What a run needs; the CLI (composition root) wires it. */
export interface RunOptions extends PrepareOptions {
  readonly contracts: readonly LoadedContract[];
  readonly checks: readonly Check[];
  readonly reporters: readonly Reporter[];
  readonly tool: { readonly name: string; readonly version: string };
  /** Called when a reporter throws (e.g. cannot write its file); the run goes on for the others. */
  readonly onReporterError?: (message: string) => void;
  /** Flags reproduce commands repeat (`--contracts DIR`, `--recordings DIR` when not the defaults). */
  readonly reproduceFlags?: { readonly contracts: string; readonly recordings: string };
  /** Line of a case in its contract file, for annotations (`::error file=…,line=…`). */
  readonly locateCase?: (contractId: string, caseName: string) => number | undefined;
  /** Only these cases (by name) and only these checks (by id); absent or empty: all. */
  readonly only?: RunFilter;
  /** Only this shard's cases (`--shard i/n`); contract-level checks run in the shard owning the contract's first case. */
  readonly shard?: Shard;
  /** Most cases prepared at the same time. @default MAX_PREPARING */
  readonly maxPreparing?: number;
}

/** `run --case NAME --check ID`: narrow a run to what a reproduce command names. */
export interface RunFilter {
  readonly cases?: readonly string[];
  readonly checks?: readonly string[];
}

/** Most cases prepared (their request sent and their recording read) at the same time. */
export const MAX_PREPARING = 64;

/** Run every applicable check on every contract and case; report as results arrive. */
export async function runConformance(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const warnings: RunWarning[] = [];
  const notify = notifyReporters(options.reporters, (message) => {
    warnings.push({ message });
    options.onReporterError?.(message);
  });
  const checks = selectChecks(options.checks, options.only);
  const plan = planShard(options.contracts, (l) => selectCases(l.contract.cases, options.only), options.shard);
  const planned = plan.reduce((n, p) => n + countPlanned(checks, p), 0);
  const exchanges = plan.reduce((n, p) => n + p.prepare.length, 0);
  await notify('onRunStart', { target: options.target.name, contracts: options.contracts.map((l) => l.contract.id), planned, exchanges });
  const results: CheckResult[] = [];
  const contracts: ContractSummary[] = [];
  const coverage: ContractCoverage[] = [];
  const reproduceFlags: ReproduceFlags = { contracts: '', recordings: '', ...options.reproduceFlags, target: options.target.name };
  const runs = plan.map((p) => startContractRun(p, { checks, reproduceFlags, ...(options.locateCase === undefined ? {} : { locateCase: options.locateCase }) }));
  // Prepare every case up front and concurrently: for live targets, total time is the slowest vendor's.
  // Each exchange is reported as it completes, so a slow vendor never means minutes of silence.
  // At most MAX_PREPARING at once: thousands of requests in flight through msw at the same time held
  // their requests, responses and timers together (1.3 GiB at 5,000 exchanges). Each case's checks run
  // as soon as it is prepared, and its context is then dropped: the contract-level checks and the
  // coverage evidence fold it into what they keep (see startContractRun).
  let done = 0;
  const slots = createSemaphore(options.maxPreparing ?? MAX_PREPARING);
  const prepareOne = async (p: ContractPlan, run: ContractRun, c: CaseSpec, index: number): Promise<void> => {
    const t0 = performance.now();
    const ctx = await slots.run(async () => {
      await yieldToEventLoop();
      return prepareCase(p.loaded.contract, c, options);
    });
    done++;
    await notify('onExchange', exchangeInfo(ctx, performance.now() - t0, done, exchanges));
    run.add(index, ctx);
  };
  await Promise.all(plan.map((p, i) => Promise.all(p.prepare.map((c, k) => prepareOne(p, runs[i] as ContractRun, c, k)))));
  for (const [i, p] of plan.entries()) {
    const own = await (runs[i] as ContractRun).finish();
    if (own.coverage !== undefined) coverage.push(own.coverage);
    for (const r of own.results) {
      await notify('onCheckResult', r);
      // One at a time: spreading a contract's results as arguments overflows the stack at about 120,000.
      results.push(r);
    }
    contracts.push(summarize(p.loaded, own.results));
  }
  const findings = plan.filter((p) => p.ownsContract).flatMap((p): Finding[] => (p.loaded.contract.findings ?? []).map((f) => ({ ...f, contract: p.loaded.contract.id })));
  const totals = countTotals(results);
  const summary: RunSummary = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: options.tool,
    target: options.target.name,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    ok: totals.failed === 0,
    totals,
    suites: SUITES,
    contracts,
    results: sortBySuite(results),
    findings,
    // Coverage over a subset of cases or checks would read as gaps that are not there.
    coverage: isFiltered(options.only) ? [] : coverage,
    warnings,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
  };
  await notify('onRunEnd', summary);
  return summary;
}

/**
 * Cut the run into a shard: cases in contract load order, then case order, in contiguous slices.
 * A contract without a selected case counts as one item, so its contract-level checks land in exactly one shard.
 */
function planShard(loaded: readonly LoadedContract[], casesOf: (l: LoadedContract) => readonly CaseSpec[], shard: Shard | undefined): ContractPlan[] {
  const count = loaded.reduce((n, l) => n + Math.max(1, casesOf(l).length), 0);
  let position = 0;
  return loaded.map((l) => {
    const cases = casesOf(l);
    const first = position;
    const owned = new Set(cases.filter((_, k) => shardOwns(first + k, count, shard)).map((c) => c.name));
    position += Math.max(1, cases.length);
    const ownsContract = shardOwns(first, count, shard);
    return { loaded: l, prepare: ownsContract ? cases : cases.filter((c) => owned.has(c.name)), owned, ownsContract };
  });
}

function countPlanned(checks: readonly Check[], p: ContractPlan): number {
  const applicable = checks.filter((c) => c.appliesTo(p.loaded.contract));
  const contractLevel = p.ownsContract ? applicable.filter((c) => c.scope === 'contract').length : 0;
  return contractLevel + applicable.filter((c) => c.scope === 'case').length * p.owned.size;
}

/** The checks a filter keeps; with `--case` alone, contract-level checks (about every case) are left out. */
function selectChecks(checks: readonly Check[], only: RunFilter | undefined): readonly Check[] {
  const ids = only?.checks ?? [];
  if (ids.length > 0) return checks.filter((c) => ids.includes(c.id));
  return (only?.cases ?? []).length > 0 ? checks.filter((c) => c.scope === 'case') : checks;
}

function isFiltered(only: RunFilter | undefined): boolean {
  return (only?.cases ?? []).length > 0 || (only?.checks ?? []).length > 0;
}

function selectCases(cases: readonly CaseSpec[], only: RunFilter | undefined): readonly CaseSpec[] {
  const names = only?.cases ?? [];
  return names.length === 0 ? cases : cases.filter((c) => names.includes(c.name));
}

function exchangeInfo(ctx: CaseContext, durationMs: number, done: number, total: number): ExchangeInfo {
  // Two literals, not a spread of a base: on Node 20 `{ ...base, more }` gives each object a hidden class of its own.
  const contract = ctx.contract.id;
  const name = ctx.case.name;
  const ms = Math.round(durationMs);
  if (ctx.sent.ok) return { contract, case: name, durationMs: ms, done, total, ok: true, status: ctx.sent.exchange.response.status };
  return { contract, case: name, durationMs: ms, done, total, ok: false, problem: ctx.sent.problem };
}

function summarize(loaded: LoadedContract, results: readonly CheckResult[]): ContractSummary {
  const c = loaded.contract;
  return { id: c.id, vendor: c.vendor, operation: c.operation, protocol: c.protocol, file: loaded.file, cases: c.cases.length, totals: countTotals(results) };
}

function sortBySuite(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => compareIds(a.contract, b.contract) || ALL_SUITES.indexOf(a.suite) - ALL_SUITES.indexOf(b.suite));
}
