import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/contract/load-contract.ts';
import { CONTRACT_LIMITS } from '../../../src/contract/contract-limits.ts';
import type { ContractProblem } from '../../../src/contract/contract-problem.ts';
import { evaluateRules } from '../../../src/rules/evaluate-rules.ts';
import { SuiteError } from '../../../src/errors.ts';
import { repoPath } from '../../helpers/paths.ts';

const variant = (name: string): string => repoPath('test/fixtures/hostile/contracts', name, 'centra/invoices_Update.yaml');

async function problemsOf(file: string): Promise<ContractProblem[]> {
  const loaded = await loadContract(file);
  if (loaded.ok) throw new Error(`Expected ${file} to be refused`);
  return loaded.problem;
}

describe('contract limits (test/fixtures/hostile/contracts/)', () => {
  it('refuses a YAML alias bomb by maxAliasCount, positioned at the costliest alias', async () => {
    const [problem, ...rest] = await problemsOf(variant('alias-bomb'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ rule: 'yaml-alias-limit', line: 279, col: 7 });
    expect(problem?.message).toContain(`more than ${CONTRACT_LIMITS.maxAliasCount} expansions`);
  });

  it('refuses flow collections nested past the depth limit before the YAML parser recurses', async () => {
    expect(await problemsOf(variant('too-deep'))).toEqual([expect.objectContaining({ rule: 'contract-too-deep', line: 272 })]);
  });

  it('refuses block nesting past the depth limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bounds-'));
    try {
      await mkdir(join(dir, 'centra'));
      const file = join(dir, 'centra', 'invoices_Update.yaml');
      await writeFile(file, Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n');
      expect((await problemsOf(file))[0]).toMatchObject({ rule: 'contract-too-deep', message: expect.stringContaining('nest deeper than the limit of 64') });
      await writeFile(file, Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n');
      expect((await problemsOf(file))[0]).toMatchObject({ rule: 'contract-too-deep', message: expect.stringContaining('indented') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file over the size limit without parsing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bounds-'));
    try {
      const file = join(dir, 'big.yaml');
      const original = await readFile(repoPath('contracts/centra/invoices_Update.yaml'), 'utf8');
      await writeFile(file, original + `# ${'x'.repeat(CONTRACT_LIMITS.maxBytes)}\n`);
      expect(await problemsOf(file)).toEqual([expect.objectContaining({ rule: 'contract-too-large', line: 1, col: 1 })]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a pattern recheck cannot prove safe on a field without a short maxLength, naming line and rule', async () => {
    const problems = await problemsOf(variant('unsafe-pattern'));
    expect(problems).toEqual([expect.objectContaining({ rule: 'unsafe-pattern', line: 63 })]);
    expect(problems[0]?.message).toContain('"^(a+)+$"');
  });

  it('accepts the same kind of pattern on a field with maxLength 12', async () => {
    expect((await loadContract(variant('bounded-pattern'))).ok).toBe(true);
  });

  it('refuses a rule with a 10-million-item range and one whose range bounds are not literals', async () => {
    expect((await problemsOf(variant('huge-range-rule')))[0]).toMatchObject({ rule: 'rule-budget', message: expect.stringContaining('10000000 items') });
    expect((await problemsOf(variant('dynamic-range-rule')))[0]).toMatchObject({ rule: 'rule-budget', message: expect.stringContaining('not a number literal') });
  });

  for (const name of ['pad-rule', 'doubling-rule']) {
    it(`stops a rule that builds a huge value in few steps (${name}) with a suite error`, async () => {
      const loaded = await loadContract(variant(name));
      if (!loaded.ok) throw new Error(`${name} should load`);
      const error: unknown = await evaluateRules(loaded.value.contract, 'request', { data: {} }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'RULE_BUDGET', message: expect.stringContaining('Rule hostile-rule of centra/invoices_Update') });
    });
  }

  it('keeps $pad working within its width limit', async () => {
    const loaded = await loadContract(repoPath('contracts/centra/invoices_Update.yaml'));
    if (!loaded.ok) throw new Error('centra should load');
    const contract = { ...loaded.value.contract, rules: [{ id: 'pad', description: 'pads', assert: '$pad("ab", 5, "#") = "ab###" and $pad("ab", -4) = "  ab"' }] };
    expect(await evaluateRules(contract, 'request', { data: {} })).toEqual([]);
  });

  it('stops a runaway recursive rule with a suite error naming the rule', async () => {
    const loaded = await loadContract(variant('recursive-rule'));
    if (!loaded.ok) throw new Error('recursive-rule should load: it compiles and has no range');
    const error: unknown = await evaluateRules(loaded.value.contract, 'request', { data: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SuiteError);
    expect(error).toMatchObject({ code: 'RULE_BUDGET', message: expect.stringContaining('Rule hostile-rule of centra/invoices_Update exceeded its evaluation budget') });
  });
});
