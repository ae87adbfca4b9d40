import type { CaseSpec, Contract, LoadedContract } from '../types/contract.ts';
import type { ExchangeInfo, Reporter } from '../types/reporter.ts';
import type { CheckResult } from '../model/check-result.ts';
import { ALL_SUITES, SUITES } from '../model/check-result.ts';
import { countTotals, REPORT_SCHEMA_VERSION, type ContractSummary, type Finding, type RunSummary, type RunWarning } from '../model/run-summary.ts';
import type { CaseContext, Check, ContractContext } from '../../suites/check.ts';
import type { ContractCoverage } from '../coverage/coverage.ts';
import { gatherCoverage } from './gather-coverage.ts';
import { prepareCase, type PrepareOptions } from './prepare-case.ts';
import { reproduceCommand, type ReproduceFlags } from './reproduce.ts';
import { runCheck } from './run-check.ts';
import { notifyReporters } from './notify-reporters.ts';

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
}

/** `run --case NAME --check ID`: narrow a run to what a reproduce command names. */
export interface RunFilter {
  readonly cases?: readonly string[];
  readonly checks?: readonly string[];
}

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
  const casesOf = (l: LoadedContract): readonly CaseSpec[] => selectCases(l.contract.cases, options.only);
  const planned = options.contracts.reduce((n, l) => n + countPlanned(checks, l, casesOf(l).length), 0);
  const exchanges = options.contracts.reduce((n, l) => n + casesOf(l).length, 0);
  await notify('onRunStart', { target: options.target.name, contracts: options.contracts.map((l) => l.contract.id), planned, exchanges });
  const results: CheckResult[] = [];
  const contracts: ContractSummary[] = [];
  // Prepare every case up front and concurrently: for live targets, total time is the slowest vendor's.
  // Each exchange is reported as it completes, so a slow vendor never means minutes of silence.
  let done = 0;
  const prepareOne = async (contract: Contract, c: CaseSpec): Promise<CaseContext> => {
    const t0 = performance.now();
    const ctx = await prepareCase(contract, c, options);
    done++;
    await notify('onExchange', exchangeInfo(ctx, performance.now() - t0, done, exchanges));
    return ctx;
  };
  const prepared = await Promise.all(options.contracts.map((l) => Promise.all(casesOf(l).map((c) => prepareOne(l.contract, c)))));
  const coverage: ContractCoverage[] = [];
  for (const [i, loaded] of options.contracts.entries()) {
    const evidence = await gatherCoverage(loaded.contract, prepared[i] ?? []);
    coverage.push(evidence.coverage);
    const contractCtx = { contract: loaded.contract, cases: prepared[i] ?? [], coverage: evidence.coverage, hash: loaded.hash };
    const own = checkContract(loaded, contractCtx, checks, options);
    for (const r of own) await notify('onCheckResult', r);
    results.push(...own);
    contracts.push(summarize(loaded, own));
  }
  const findings = options.contracts.flatMap((l): Finding[] => (l.contract.findings ?? []).map((f) => ({ ...f, contract: l.contract.id })));
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
  };
  await notify('onRunEnd', summary);
  return summary;
}

function countPlanned(checks: readonly Check[], l: LoadedContract, cases: number): number {
  const applicable = checks.filter((c) => c.appliesTo(l.contract));
  return applicable.filter((c) => c.scope === 'contract').length + applicable.filter((c) => c.scope === 'case').length * cases;
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
  const base = { contract: ctx.contract.id, case: ctx.case.name, durationMs: Math.round(durationMs), done, total };
  return ctx.sent.ok ? { ...base, ok: true, status: ctx.sent.exchange.response.status } : { ...base, ok: false, problem: ctx.sent.problem };
}

function checkContract(loaded: LoadedContract, contractCtx: ContractContext, checks: readonly Check[], options: RunOptions): CheckResult[] {
  const applicable = checks.filter((c) => c.appliesTo(loaded.contract));
  const cases = contractCtx.cases;
  const flags: ReproduceFlags = { contracts: '', recordings: '', ...options.reproduceFlags, target: options.target.name };
  const out: CheckResult[] = [];
  const keep = (r: CheckResult | undefined): void => {
    if (r === undefined) return;
    const line = r.case === null ? undefined : options.locateCase?.(r.contract, r.case);
    out.push(line === undefined ? r : { ...r, line });
  };
  for (const check of applicable) {
    if (check.scope === 'contract') keep(runCheck(check, contractCtx, reproduceCommand(check, contractCtx, flags)));
    else for (const ctx of cases) keep(runCheck(check, ctx, reproduceCommand(check, ctx, flags)));
  }
  return out;
}

function summarize(loaded: LoadedContract, results: readonly CheckResult[]): ContractSummary {
  const c = loaded.contract;
  return { id: c.id, vendor: c.vendor, operation: c.operation, protocol: c.protocol, file: loaded.file, cases: c.cases.length, totals: countTotals(results) };
}

function sortBySuite(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => a.contract.localeCompare(b.contract) || ALL_SUITES.indexOf(a.suite) - ALL_SUITES.indexOf(b.suite));
}
