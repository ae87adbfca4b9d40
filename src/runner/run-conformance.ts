import type { LoadedContract } from '../types/contract.ts';
import type { Reporter } from '../types/reporter.ts';
import type { CheckResult } from '../model/check-result.ts';
import { SUITES } from '../model/check-result.ts';
import { countTotals, REPORT_SCHEMA_VERSION, type ContractSummary, type Finding, type RunSummary, type RunWarning } from '../model/run-summary.ts';
import type { Check, ContractContext } from '../../suites/check.ts';
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
  const planned = options.contracts.reduce((n, l) => n + countPlanned(options.checks, l), 0);
  await notify('onRunStart', { target: options.target.name, contracts: options.contracts.map((l) => l.contract.id), planned });
  const results: CheckResult[] = [];
  const contracts: ContractSummary[] = [];
  // Prepare every case up front and concurrently: for live targets, total time is the slowest vendor's.
  const prepared = await Promise.all(options.contracts.map((l) => Promise.all(l.contract.cases.map((c) => prepareCase(l.contract, c, options)))));
  const coverage: ContractCoverage[] = [];
  for (const [i, loaded] of options.contracts.entries()) {
    const evidence = await gatherCoverage(loaded.contract, prepared[i] ?? []);
    coverage.push(evidence.coverage);
    const own = checkContract(loaded, { contract: loaded.contract, cases: prepared[i] ?? [], coverage: evidence.coverage, hash: loaded.hash }, options);
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
    coverage,
    warnings,
  };
  await notify('onRunEnd', summary);
  return summary;
}

function countPlanned(checks: readonly Check[], l: LoadedContract): number {
  const applicable = checks.filter((c) => c.appliesTo(l.contract));
  return applicable.filter((c) => c.scope === 'contract').length + applicable.filter((c) => c.scope === 'case').length * l.contract.cases.length;
}

function checkContract(loaded: LoadedContract, contractCtx: ContractContext, options: RunOptions): CheckResult[] {
  const applicable = options.checks.filter((c) => c.appliesTo(loaded.contract));
  const cases = contractCtx.cases;
  const flags: ReproduceFlags = { contracts: '', recordings: '', ...options.reproduceFlags, target: options.target.name };
  const out: CheckResult[] = [];
  for (const check of applicable) {
    if (check.scope === 'contract') out.push(runCheck(check, contractCtx, reproduceCommand(check, contractCtx, flags)));
    else for (const ctx of cases) out.push(runCheck(check, ctx, reproduceCommand(check, ctx, flags)));
  }
  return out;
}

function summarize(loaded: LoadedContract, results: readonly CheckResult[]): ContractSummary {
  const c = loaded.contract;
  return { id: c.id, vendor: c.vendor, operation: c.operation, protocol: c.protocol, file: loaded.file, cases: c.cases.length, totals: countTotals(results) };
}

function sortBySuite(results: readonly CheckResult[]): CheckResult[] {
  return [...results].sort((a, b) => a.contract.localeCompare(b.contract) || SUITES.indexOf(a.suite) - SUITES.indexOf(b.suite));
}
