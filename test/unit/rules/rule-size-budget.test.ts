import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import jsonata from 'jsonata';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/contract/load-contract.ts';
import { compileExpression, evaluateRules } from '../../../src/rules/evaluate-rules.ts';
import { budgetProblem, RULE_BUDGET } from '../../../src/rules/rule-budget.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';

const run = promisify(execFile);
const CONTRACT = 'centra/invoices_Update';
/** The bound on memory for any input. */
const MAX_RSS_KB = 256 * 1024;

/** A 1 Mi-character string built within the limits: 100 pads of 10,000 joined. */
const MEGA = '$join([1..100].$pad("", 10000, "b"))';

/**
 * Rules that build about 10^8 characters or items in a few steps. Before the size guards, the
 * fan-out took 932 MB and the `$join` 200 MB, and JSONata's `$replace` and `&` left the rest to V8's
 * string limit.
 */
const HOSTILE: ReadonlyArray<{ readonly id: string; readonly assert: string; readonly names: string }> = [
  { id: 'replace-string', assert: '$length($replace($pad("", 10000, "a"), "a", $pad("", 10000, "b"))) > 0', names: '$replace would produce more than 1048576 characters' },
  { id: 'replace-regex', assert: '$length($replace($pad("", 10000, "a"), /a/, $pad("", 10000, "$0"))) > 0', names: '$replace would produce more than 1048576 characters' },
  { id: 'pad-wide', assert: '$length($pad("x", 100000000)) > 0', names: '$pad to 100000000 characters is wider than 10000' },
  { id: 'join-shared', assert: `($s := ${MEGA}; $length($join([1..10000].$s)) > 0)`, names: 'more than 8388608 characters and items in all' },
  { id: 'join-one-step', assert: `($s := ${MEGA}; $a := [$s]; $a := $append($a, $a); $length($join($a)) > 0)`, names: '$join would produce more than 1048576 characters' },
  { id: 'string-shared', assert: `($s := ${MEGA}; $a := [$s]; $a := $append($a, $a); $length($string($a)) > 0)`, names: '$string would produce more than 1048576 characters' },
  { id: 'concat-shared', assert: `($s := ${MEGA}; $a := [$s]; $a := $append($a, $a); $length("" & $a) > 0)`, names: "an operand of '&' would be written out as more than 1048576 characters" },
  { id: 'fan-out', assert: '$count([1..10000].[1..10000]) > 0', names: 'more than 8388608 characters and items in all' },
  { id: 'many-pads', assert: '$count([1..10000].$pad("", 10000, "b")) > 0', names: 'more than 8388608 characters and items in all' },
];

describe('the rule size budget (RULE_BUDGET.maxResultLength, maxPad, maxProduced)', () => {
  it('stops each rule that would build 10^8 characters with a RULE_BUDGET suite error naming the rule, in a heap capped at 192 MB', async () => {
    const rules = HOSTILE.map(({ id, assert }) => ({ id, description: 'hostile', assert }));
    const { stdout } = await run(process.execPath, ['--max-old-space-size=192', '--import', 'tsx', repoPath('test/unit/rules/hostile-rule-worker.ts'), JSON.stringify(rules)], { cwd: repoPath('.'), maxBuffer: 1 << 20 });
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const { id, names } of HOSTILE) {
      const outcome = lines.find((line) => line['id'] === id);
      expect(outcome, id).toMatchObject({ code: 'RULE_BUDGET', message: expect.stringContaining(`Rule ${id} of ${CONTRACT} exceeded its evaluation budget: `) });
      expect(outcome?.['message'], id).toContain(names);
      expect(outcome?.['message'], id).toContain('RULE_BUDGET.maxResultLength');
    }
    expect(lines.at(-1)?.['maxRssKb']).toBeLessThan(MAX_RSS_KB);
  });

  describe('within the limits', () => {
    let centra: Contract;
    beforeAll(async () => {
      const loaded = await loadContract(repoPath(`contracts/${CONTRACT}.yaml`));
      if (!loaded.ok) throw new Error('the Centra contract should load');
      centra = loaded.value.contract;
    });
    const holds = async (assert: string): Promise<unknown> => evaluateRules({ ...centra, rules: [{ id: 'r', description: 'd', assert }] }, 'request', { data: {} });

    it('keeps the guarded functions working as JSONata documents them', async () => {
      expect(await holds('$replace("abcabc", /b(c)/, "[$1]") = "a[c]a[c]" and $replace("aaa", "a", "bb", 2) = "bbbba" and $replace("x", "y", "z") = "x"')).toEqual([]);
      expect(await holds('$join(["a", "b", "c"], "-") = "a-b-c" and $join(["a", "b"]) = "ab"')).toEqual([]);
      expect(await holds('$string([1, "x", {"k": true}]) = "[1,\\"x\\",{\\"k\\":true}]" and $string("s") = "s" and ("n" & [1, 2]) = "n[1,2]"')).toEqual([]);
      expect(await holds('$pad("ab", 5, "#") = "ab###" and $pad("ab", -4) = "  ab"')).toEqual([]);
    });

    it('accepts a $replace result of exactly maxResultLength characters , refuses one more match, and counts only the matches within the limit argument', async () => {
      expect(RULE_BUDGET.maxResultLength).toBe(1024 * 1024);
      expect(await holds('$length($replace($pad("", 1024, "a"), "a", $pad("", 1024, "b"))) = 1048576')).toEqual([]);
      await expect(holds('$length($replace($pad("", 1025, "a"), "a", $pad("", 1024, "b"))) > 0')).rejects.toMatchObject({ code: 'RULE_BUDGET' });
      expect(await holds('$length($replace($pad("", 1025, "a"), "a", $pad("", 1024, "b"), 1023)) = 1047554')).toEqual([]);
    });
  });

  it('refuses $eval when the contract loads, even under another name, since what it evaluates escapes these checks', () => {
    expect(budgetProblem(compileExpression('$eval("[1..10000000]") = 1'))).toMatch(/^\$eval is not allowed/);
    expect(budgetProblem(compileExpression('($e := $eval; $e("1") = 1)'))).toMatch(/^\$eval is not allowed/);
    expect(budgetProblem(jsonata('$evaluate = 1'))).toBeUndefined();
  });
});
