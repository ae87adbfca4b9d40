import { ALL_SUITES, type CheckResult } from '../model/check-result.ts';
import { countTotals, type ContractSummary, type ReportCommand, type RunSummary, type RunWarning, type Totals } from '../model/run-summary.ts';
import { fail, ok, type Result } from '../model/result.ts';
import { compareIds } from '../model/compare-ids.ts';

/** A report to merge, with where it came from (for problems). */
export interface NamedSummary {
  readonly file: string;
  readonly summary: RunSummary;
}

/** How to merge; the CLI wires it. */
export interface MergeOptions {
  /** Check ids in the order a run applies them (the suites' array), so merged results read as one run's. */
  readonly checkOrder: readonly string[];
}

/**
 * Merge the reports of `run --shard i/n` (or `check --shard i/n`) into the report of the whole:
 * the same results, contracts, coverage, findings, entries and warnings, in the order one unsharded
 * run gives them. Without shards, reports of disjoint runs (e.g. one per vendor) are merged in the
 * order given. A problem (mixed targets or tools, a shard missing or twice, a result in two reports) is
 * returned, never thrown.
 */
export function mergeSummaries(reports: readonly NamedSummary[], options: MergeOptions): Result<RunSummary> {
  const ordered = orderShards(reports);
  if (!ordered.ok) return ordered;
  const parts = ordered.value;
  const first = parts[0]?.summary;
  if (first === undefined) return fail('No reports to merge.');
  const mixed = parts.find((p) => p.summary.target !== first.target || p.summary.tool.name !== first.tool.name || p.summary.tool.version !== first.tool.version);
  if (mixed !== undefined) return fail(`${mixed.file} is from ${describe(mixed.summary)}, ${parts[0]?.file} from ${describe(first)}: only reports of one command, target and version merge.`);
  const results = parts.flatMap((p) => p.summary.results);
  const twice = findRepeated(results.map((r) => r.id));
  if (twice !== undefined) return fail(`Result ${twice} is in more than one report: each case must be in exactly one (the same shard given twice?).`);
  return ok(assemble(parts.map((p) => p.summary), first, first.target === 'check' ? results : sortLikeRun(results, options.checkOrder)));
}

function assemble(summaries: readonly RunSummary[], first: RunSummary, results: readonly CheckResult[]): RunSummary {
  const totals = countTotals(results);
  const entries = summaries.flatMap((s) => s.entries ?? []);
  const command = commandOf(first.target);
  return {
    schemaVersion: first.schemaVersion,
    tool: first.tool,
    target: first.target,
    startedAt: summaries.map((s) => s.startedAt).sort()[0] ?? first.startedAt,
    // Shards run side by side: the whole took as long as the slowest.
    durationMs: Math.max(...summaries.map((s) => s.durationMs)),
    ok: totals.failed === 0 && summaries.every((s) => s.ok),
    totals,
    suites: first.suites,
    contracts: mergeContracts(summaries, first.target === 'check'),
    results,
    findings: summaries.flatMap((s) => s.findings),
    coverage: summaries.flatMap((s) => s.coverage),
    warnings: uniqueWarnings(summaries.flatMap((s) => s.warnings)),
    ...(command === undefined ? {} : { command }),
    ...(first.target === 'check' ? { entries } : {}),
  };
}

/** Shards in shard order, each of 1..total exactly once; reports without a shard in the order given. */
function orderShards(reports: readonly NamedSummary[]): Result<NamedSummary[]> {
  const sharded = reports.filter((r) => r.summary.shard !== undefined);
  if (sharded.length === 0) return ok([...reports]);
  const plain = reports.find((r) => r.summary.shard === undefined);
  if (plain !== undefined) return fail(`${plain.file} is a whole run's report (made without --shard), the others are shards: merge shards of one run only.`);
  const total = sharded[0]?.summary.shard?.total ?? 0;
  const other = sharded.find((r) => r.summary.shard?.total !== total);
  if (other !== undefined) return fail(`${other.file} is shard ${label(other)}, ${sharded[0]?.file} is shard ${label(sharded[0])}: every shard must be of the same --shard */${total}.`);
  const byIndex = new Map<number, NamedSummary>();
  for (const r of sharded) {
    const index = r.summary.shard?.index ?? 0;
    const seen = byIndex.get(index);
    if (seen !== undefined) return fail(`${r.file} and ${seen.file} are both shard ${index}/${total}.`);
    byIndex.set(index, r);
  }
  const missing = Array.from({ length: total }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) return fail(`Shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${total}`).join(', ')} missing: a merge of part of the shards would pass what never ran.`);
  return ok([...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r));
}

/**
 * A run's order (contract, then suite, then check; cases in order within a check). Shards own
 * contiguous slices of the cases, so a stable sort of their results concatenated in shard order
 * restores it exactly.
 */
function sortLikeRun(results: readonly CheckResult[], checkOrder: readonly string[]): CheckResult[] {
  const rank = new Map(checkOrder.map((id, k) => [id, k]));
  const checkRank = (r: CheckResult): number => rank.get(r.check) ?? checkOrder.length;
  return [...results].sort((a, b) => compareIds(a.contract, b.contract) || ALL_SUITES.indexOf(a.suite) - ALL_SUITES.indexOf(b.suite) || checkRank(a) - checkRank(b));
}

/** Contracts in first-seen order, totals added; for `check`, `cases` counts entries and adds up too. */
function mergeContracts(summaries: readonly RunSummary[], addCases: boolean): ContractSummary[] {
  const byId = new Map<string, ContractSummary>();
  for (const c of summaries.flatMap((s) => s.contracts)) {
    const seen = byId.get(c.id);
    byId.set(c.id, seen === undefined ? c : { ...seen, cases: addCases ? seen.cases + c.cases : seen.cases, totals: addTotals(seen.totals, c.totals) });
  }
  return [...byId.values()];
}

function addTotals(a: Totals, b: Totals): Totals {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

/** Every shard of `check` warns about the whole capture's secrets: keep each warning once. */
function uniqueWarnings(warnings: readonly RunWarning[]): RunWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.contract ?? ''}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function commandOf(target: string): ReportCommand | undefined {
  if (target === 'check') return 'check';
  if (target === 'pact') return 'pact-verify';
  return undefined;
}

function findRepeated(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function describe(s: RunSummary): string {
  return `target ${s.target} (${s.tool.name} ${s.tool.version})`;
}

function label(r: NamedSummary | undefined): string {
  return `${r?.summary.shard?.index ?? '?'}/${r?.summary.shard?.total ?? '?'}`;
}
