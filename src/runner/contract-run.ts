import type { CaseSpec, LoadedContract } from '../types/contract.ts';
import type { CheckResult } from '../model/check-result.ts';
import type { CaseContext, Check, ContractCheck, ContractCheckRun } from '../../suites/check.ts';
import type { ContractCoverage } from '../coverage/coverage.ts';
import { startCoverage, type CoverageFold } from './gather-coverage.ts';
import { inOrder } from './in-order.ts';
import { reproduceCommand, type ReproduceFlags } from './reproduce.ts';
import { checkResult, runCheck } from './run-check.ts';

/** One contract's part of a run, as the runner plans it. */
export interface ContractPlan {
  readonly loaded: LoadedContract;
  /** Every selected case when this shard owns the contract (its contract-level checks see all of them), else the owned cases. */
  readonly prepare: readonly CaseSpec[];
  readonly owned: ReadonlySet<string>;
  readonly ownsContract: boolean;
}

/** What a contract run needs besides its plan. */
export interface ContractRunOptions {
  readonly checks: readonly Check[];
  readonly reproduceFlags: ReproduceFlags;
  readonly locateCase?: (contractId: string, caseName: string) => number | undefined;
}

/** A contract's checks under way while its cases are prepared. */
export interface ContractRun {
  /** Case `index` of the plan's `prepare` list is prepared: its checks run now, and its context can then be released. */
  add(index: number, ctx: CaseContext): void;
  /** Every case was added: the contract-level checks finish; the results come in check order, then case order. */
  finish(): Promise<{ readonly results: readonly CheckResult[]; readonly coverage?: ContractCoverage }>;
}

interface Started {
  readonly check: ContractCheck;
  readonly run: ContractCheckRun;
  ms: number;
}

/**
 * Run a contract's checks as its cases arrive. Case checks run on each case as soon as it is prepared
 * and leave compact results; contract-level checks and the coverage evidence (owning shard only) take
 * each case in case order and keep only what they need, so no case's recording, requests or parsed
 * messages outlive its own checks. The results are those of running every check over every case at
 * the end, in the same order.
 */
export function startContractRun(p: ContractPlan, options: ContractRunOptions): ContractRun {
  const { contract, hash } = p.loaded;
  const applicable = options.checks.filter((c) => c.appliesTo(contract));
  const caseChecks = applicable.filter((c) => c.scope === 'case');
  const start = hash === undefined ? { contract } : { contract, hash };
  const started: Started[] = p.ownsContract ? applicable.flatMap((c) => (c.scope === 'contract' ? [{ check: c, run: c.begin(start), ms: 0 }] : [])) : [];
  const coverage: CoverageFold | undefined = p.ownsContract ? startCoverage(contract) : undefined;
  const perCase: (readonly (CheckResult | undefined)[])[] = [];
  const locate = (r: CheckResult | undefined): CheckResult | undefined => {
    const line = r === undefined || r.case === null ? undefined : options.locateCase?.(r.contract, r.case);
    // Not `{ ...r, line }`: on Node 20 (V8 11.3) a spread followed by more properties gives every copy a hidden
    // class of its own (a Map and its descriptors, about 330 bytes, in the old generation): 65,000 results at
    // 4,924 exchanges carried 22 MiB of them. Object.assign copies the same properties in the same order.
    return line === undefined ? r : (Object.assign({}, r, { line }) as CheckResult);
  };
  const folded = inOrder<CaseContext>((ctx) => {
    for (const s of started) {
      const t0 = performance.now();
      s.run.add(ctx);
      s.ms += performance.now() - t0;
    }
    coverage?.add(ctx);
  });
  return {
    add(index, ctx) {
      if (p.owned.has(ctx.case.name)) perCase[index] = caseChecks.map((check) => locate(runCheck(check, ctx, () => reproduceCommand(check, ctx, options.reproduceFlags))));
      if (p.ownsContract) folded.put(index, ctx);
    },
    async finish() {
      if (p.ownsContract && folded.delivered() !== p.prepare.length) throw new Error(`${contract.id}: ${folded.delivered()} of ${p.prepare.length} cases reached the contract-level checks`);
      const evidence = await coverage?.finish();
      const end = { ...start, coverage: evidence?.coverage ?? { contract: contract.id, total: 0, covered: 0, items: [] } };
      const results: CheckResult[] = [];
      let caseCheck = 0;
      for (const check of applicable) {
        if (check.scope === 'contract') {
          const s = started.find((x) => x.check === check);
          if (s === undefined) continue;
          const t0 = performance.now();
          const outcome = s.run.finish(end);
          const r = checkResult(check, contract.id, null, outcome, s.ms + performance.now() - t0, () => reproduceCommand(check, start, options.reproduceFlags));
          if (r !== undefined) results.push(r);
        } else {
          const j = caseCheck++;
          for (const r of perCase) if (r?.[j] !== undefined) results.push(r[j] as CheckResult);
        }
      }
      return evidence === undefined ? { results } : { results, coverage: evidence.coverage };
    },
  };
}
