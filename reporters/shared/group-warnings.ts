import type { CheckResult } from '../../src/model/check-result.ts';
import type { RunSummary } from '../../src/model/run-summary.ts';
import type { Violation } from '../../src/model/violation.ts';

/** Warnings that say the same thing, counted once per case. */
export interface WarningGroup {
  readonly contract: string;
  /** Every check that reported it (one rule can be judged by several checks, e.g. on the built and the recorded request). */
  readonly checks: readonly string[];
  readonly rule: string;
  readonly path: string;
  /** Every place it was reported at (the group is by contract and rule, not by place). */
  readonly paths: readonly string[];
  /** The first case's text; the others differ at most in the details (counts, field lists). */
  readonly message: string;
  /** Cases (or `contract`) it was reported for, without repeats. */
  readonly cases: readonly string[];
}

/**
 * Warning-severity violations of passed checks, plus the run's own warnings, grouped by contract
 * and rule (the first place's path and text stand for the group). The same text reported by two checks for one case counts once. A failed check's
 * warnings show under its failure instead.
 */
export function groupWarnings(summary: RunSummary): readonly WarningGroup[] {
  const groups = new Map<string, { contract: string; checks: Set<string>; rule: string; path: string; paths: Set<string>; message: string; cases: Set<string> }>();
  const add = (contract: string, check: string, rule: string, path: string, message: string, subject: string): void => {
    // Not by path: one accepted departure at several places (udf_float_5..8) is one group.
    const key = `${contract}\u0000${rule}\u0000${rule === 'run' ? message : ''}`;
    const group = groups.get(key) ?? { contract, checks: new Set<string>(), rule, path, paths: new Set<string>(), message, cases: new Set<string>() };
    group.checks.add(check);
    group.paths.add(path);
    group.cases.add(subject);
    groups.set(key, group);
  };
  for (const r of summary.results) for (const v of passedWarnings(r)) add(r.contract, r.check, ruleOf(v), v.path, v.message, r.case ?? 'contract');
  for (const w of summary.warnings) add(w.contract ?? '', 'run', 'run', '', w.message, w.contract ?? 'run');
  return [...groups.values()].map((g) => ({ ...g, checks: [...g.checks], paths: [...g.paths], cases: [...g.cases] }));
}

function passedWarnings(r: CheckResult): readonly Violation[] {
  return r.state === 'passed' ? r.violations.filter((v) => v.severity === 'warning') : [];
}

/** A contract rule's own id (`internal-id-recommended`) when the violation carries it, else the violation rule. */
function ruleOf(v: Violation): string {
  const id = v.params?.['rule'];
  return typeof id === 'string' ? `${v.rule} ${id}` : v.rule;
}
