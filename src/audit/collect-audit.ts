import { atOrAbove, type DriftSeverity } from './drift-severity.ts';
import type { DriftChange } from './drift-change.ts';
import type { AuditPair, AuditSummary, AuditVendor, AuditWarning } from './audit-summary.ts';
import type { PairResult } from './pair-result.ts';

/** What the summary needs besides the pairs. */
export interface AuditMeta {
  readonly tool: { readonly name: string; readonly version: string };
  readonly baseline: string;
  readonly current: string;
  readonly failOn: DriftSeverity;
  readonly startedAt: string;
  /** Milliseconds since the audit started (a clock injected by the caller). */
  readonly elapsedMs: () => number;
}

/**
 * Consume a stream of pair results into the summary the reporters render. Only the compact pair
 * records and the changes are kept; bodies never reach here.
 */
export async function collectAudit(results: AsyncIterable<PairResult>, meta: AuditMeta): Promise<AuditSummary> {
  const pairs: AuditPair[] = [];
  const changes: DriftChange[] = [];
  const missing = new Set<string>();
  for await (const r of results) {
    pairs.push({ vendor: r.vendor, contract: r.contract, case: r.case, file: r.file, state: r.state, changes: r.changes.length });
    // One by one: a wide body can give 200,000 changes, too many for push(...spread) arguments.
    for (const change of r.changes) changes.push(change);
    if (!r.contractKnown) missing.add(r.contract);
  }
  const count = (severity: DriftSeverity): number => changes.filter((c) => c.severity === severity).length;
  const state = (s: AuditPair['state']): number => pairs.filter((p) => p.state === s).length;
  return {
    tool: meta.tool,
    baseline: meta.baseline,
    current: meta.current,
    failOn: meta.failOn,
    startedAt: meta.startedAt,
    durationMs: Math.round(meta.elapsedMs()),
    ok: !changes.some((c) => atOrAbove(c.severity, meta.failOn)),
    totals: { pairs: pairs.length, unchanged: state('unchanged'), changed: state('changed'), added: state('added'), removed: state('removed'), breaking: count('breaking'), warning: count('warning'), info: count('info') },
    vendors: vendorsOf(pairs, changes),
    pairs,
    changes,
    warnings: [...missing].sort().map((contract): AuditWarning => ({ contract, message: `No contract "${contract}" under --contracts: outcome, vendor code, message and contract checks were skipped for its recordings.` })),
  };
}

function vendorsOf(pairs: readonly AuditPair[], changes: readonly DriftChange[]): AuditVendor[] {
  const names = [...new Set(pairs.map((p) => p.vendor))].sort();
  return names.map((vendor) => {
    const mine = changes.filter((c) => c.vendor === vendor);
    const of = (s: DriftSeverity): number => mine.filter((c) => c.severity === s).length;
    const contracts = [...new Set(pairs.filter((p) => p.vendor === vendor).map((p) => p.contract))].sort();
    return { vendor, contracts, pairs: pairs.filter((p) => p.vendor === vendor).length, breaking: of('breaking'), warning: of('warning'), info: of('info') };
  });
}
