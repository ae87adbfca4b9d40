import type { Contract, RuleSpec } from '../types/contract.ts';
import type { Violation } from '../model/violation.ts';
import { evaluateRules, type RuleInput } from '../rules/evaluate-rules.ts';
import { readingsOf, replays, type Reading } from './rule-readings.ts';

/**
 * Bounds of the memory of each rule's verdicts: the readings kept per rule (the most recent first), and
 * how many evaluations in a row may find nothing to reuse before a rule is evaluated without recording
 * (a rule that reads each message's invoice identifier never repeats, and recording costs).
 */
export const REMEMBERED_RULES = { maxReadings: 8, giveUpAfter: 64 } as const;

interface RuleMemory {
  readonly readings: Reading[];
  /** Evaluations since the last one that was reused. */
  misses: number;
  /** Set once `giveUpAfter` evaluations in a row found nothing to reuse. */
  off: boolean;
}

const MEMORY = new WeakMap<Contract, WeakMap<RuleSpec, RuleMemory>>();

/**
 * {@link evaluateRules} for one side, with each rule's verdict given again to a message on which its
 * evaluation would read exactly what it read on an earlier one. A rule's evaluation reads the message
 * through a recording view (src/check/rule-readings.ts): every property it got, tested, listed or
 * described, and what it found. JSONata is deterministic once the clock and random numbers are out
 * (callers use this only where `rulesAreStable`), so a message on which every one of those readings
 * gives the same answer makes the same evaluation, step for step, and the same violations: two updates
 * that differ only in an invoice number no rule reads share their verdicts, and a rule that reads the
 * number is evaluated again. Results are the same as evaluateRules' (in rule order).
 */
export async function evaluateRulesRemembered(contract: Contract, on: 'request' | 'response', input: RuleInput, matched?: string | null): Promise<Violation[]> {
  const rules = (contract.rules ?? []).filter((r) => (r.on ?? 'request') === on && (r.responses === undefined || (matched != null && r.responses.includes(matched))));
  const results = await Promise.all(rules.map((rule) => ruleViolations(contract, rule, on, input, matched)));
  return results.flat();
}

async function ruleViolations(contract: Contract, rule: RuleSpec, on: 'request' | 'response', input: RuleInput, matched: string | null | undefined): Promise<readonly Violation[]> {
  const only: Contract = { ...contract, rules: [rule] };
  const memory = memoryOf(contract, rule);
  if (memory.off) return evaluateRules(only, on, input, matched);
  const known = memory.readings.find((r) => replays(r, input));
  if (known !== undefined) {
    memory.misses = 0;
    return known.violations;
  }
  const recording = readingsOf(input);
  if (recording === undefined) return evaluateRules(only, on, input, matched);
  const violations = await evaluateRules(only, on, recording.input, matched);
  const reading = recording.finish(violations);
  if (reading !== undefined) {
    memory.readings.unshift(reading);
    if (memory.readings.length > REMEMBERED_RULES.maxReadings) memory.readings.pop();
  }
  memory.misses += 1;
  if (memory.misses >= REMEMBERED_RULES.giveUpAfter) memory.off = true;
  return violations;
}

function memoryOf(contract: Contract, rule: RuleSpec): RuleMemory {
  let byRule = MEMORY.get(contract);
  if (byRule === undefined) MEMORY.set(contract, (byRule = new WeakMap()));
  let memory = byRule.get(rule);
  if (memory === undefined) byRule.set(rule, (memory = { readings: [], misses: 0, off: false }));
  return memory;
}
