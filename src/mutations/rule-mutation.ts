import type { RuleSpec } from '../types/contract.ts';
import { evaluateRules, type RuleInput } from '../rules/evaluate-rules.ts';
import type { Contract } from '../types/contract.ts';

const PLAIN_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Try to break a rule on a message that keeps it, by changing one value the rule shows (a number
 * or a decimal string +1, a boolean flipped, a string replaced, an object emptied). Returns the
 * mutation that broke it, or undefined when none of the shown values can.
 */
export async function breakRule(contract: Contract, rule: RuleSpec, input: RuleInput): Promise<string | undefined> {
  const only: Contract = { ...contract, rules: [rule] };
  const scope = rule.scope !== undefined && PLAIN_PATH.test(rule.scope) ? rule.scope.split('.') : rule.scope === undefined ? [] : undefined;
  if (scope === undefined) return undefined;
  for (const shown of (rule.show ?? []).filter((s) => PLAIN_PATH.test(s))) {
    const data = structuredClone(input.data);
    if (!mutateAt(data, [...scope, ...shown.split('.')])) continue;
    const broken = await evaluateRules(only, rule.on ?? 'request', { ...input, data }, rule.responses?.[0]);
    if (broken.some((v) => v.params?.['rule'] === rule.id)) return `mutation:${shown}`;
  }
  return undefined;
}

function mutateAt(data: unknown, path: readonly string[]): boolean {
  let parent: unknown = data;
  for (const [i, segment] of path.entries()) {
    if (Array.isArray(parent)) parent = parent[0];
    if (typeof parent !== 'object' || parent === null || !(segment in parent)) return false;
    const record = parent as Record<string, unknown>;
    if (i === path.length - 1) return replace(record, segment);
    parent = record[segment];
  }
  return false;
}

function replace(record: Record<string, unknown>, key: string): boolean {
  const v = Array.isArray(record[key]) ? (record[key] as unknown[])[0] : record[key];
  let next: unknown;
  if (typeof v === 'number') next = v + 1;
  else if (typeof v === 'boolean') next = !v;
  else if (v === 'true' || v === 'false') next = v === 'true' ? 'false' : 'true';
  else if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) next = String(Number(v) + 1);
  else if (typeof v === 'string') next = '__mutated__';
  else if (typeof v === 'object' && v !== null) next = {};
  else return false;
  record[key] = next;
  return true;
}
