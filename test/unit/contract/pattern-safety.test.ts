import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/contract/load-contract.ts';
import type { ContractProblem } from '../../../src/contract/contract-problem.ts';
import { patternSafety } from '../../../src/contract/pattern-safety.ts';
import { repoPath } from '../../helpers/paths.ts';
import { runCli } from '../../helpers/run-cli.ts';

/** The hostile Centra variant whose invoice id has `pattern: "^(a+)+$"` at line 63 and no maxLength. */
const BASE = repoPath('test/fixtures/hostile/contracts/unsafe-pattern/centra/invoices_Update.yaml');
const FIELD_LINE = 63;
const WHEN_LINE = 180;

/** Patterns that backtrack exponentially: nested quantifiers, and quantified groups whose branches overlap. */
const EXPONENTIAL = ['^(a|a)*$', '(a+)+$', '(a|aa)+$'] as const;

let dir: string;
let base: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pattern-safety-'));
  base = await readFile(BASE, 'utf8');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** A copy of the variant with the field pattern (or a response's `when.matches`) replaced. */
async function variant(name: string, fieldPattern: string, whenPattern?: string): Promise<string> {
  let text = base.replace('pattern: "^(a+)+$"', `pattern: ${JSON.stringify(fieldPattern)}`);
  if (whenPattern !== undefined) text = text.replace('matches: "(^|:)Client(\\\\.|$)" }] }', `matches: ${JSON.stringify(whenPattern)} }] }`);
  const file = join(dir, name, 'centra', 'invoices_Update.yaml');
  await mkdir(join(dir, name, 'centra'), { recursive: true });
  await writeFile(file, text);
  return file;
}

async function problemsOf(file: string): Promise<readonly ContractProblem[]> {
  const loaded = await loadContract(file);
  return loaded.ok ? [] : loaded.problem;
}

describe('contract patterns must be proven safe from exponential backtracking', () => {
  EXPONENTIAL.forEach((pattern, i) => {
    it(`refuses the field pattern ${pattern} without a short maxLength, at its line`, async () => {
      const problems = await problemsOf(await variant(`field-${i}`, pattern));
      expect(problems).toEqual([expect.objectContaining({ rule: 'unsafe-pattern', line: FIELD_LINE })]);
      expect(problems[0]?.message).toContain(`pattern ${JSON.stringify(pattern)} may backtrack exponentially`);
    });

    it(`refuses ${pattern} as a response's when.matches`, async () => {
      const problems = await problemsOf(await variant(`when-${i}`, '^[0-9]+$', pattern));
      expect(problems).toEqual([expect.objectContaining({ rule: 'unsafe-pattern', line: WHEN_LINE })]);
    });
  });

  it('names recheck and an attack string, for the overlap safe-regex2 misses as for nested quantifiers', () => {
    for (const pattern of EXPONENTIAL) expect(patternSafety(pattern), pattern).toEqual({ safe: false, reason: expect.stringMatching(/^recheck finds exponential backtracking, for example on /) });
  });

  it('accepts quantified groups that cannot backtrack exponentially', async () => {
    for (const pattern of ['^\\d+(\\.\\d{1,2})?$', '^([A-Z]{2}-)?[0-9]+$', '^(?:INV|CRN)[0-9]{4,10}$', '^([a-z]+,)*[a-z]+$']) {
      expect(patternSafety(pattern), pattern).toEqual({ safe: true });
      expect(await problemsOf(await variant(`safe-${pattern.length}`, pattern))).toEqual([]);
    }
  });

  it('accepts every pattern of the shipped contracts', async () => {
    const vendors = await readdir(repoPath('contracts'), { withFileTypes: true });
    const files = (await Promise.all(vendors.filter((d) => d.isDirectory()).map(async (d) => (await readdir(repoPath('contracts', d.name))).map((f) => repoPath('contracts', d.name, f))))).flat();
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files.filter((f) => /\.(ya?ml|json)$/.test(f))) expect((await problemsOf(file)).filter((p) => p.rule === 'unsafe-pattern'), file).toEqual([]);
  });

  it('makes validate exit 2 naming file:line:col and the rule', async () => {
    const file = await variant('cli', '^(a|a)*$');
    const result = await runCli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${file.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${FIELD_LINE}:\\d+: unsafe-pattern: pattern "\\^\\(a\\|a\\)\\*\\$" may backtrack exponentially \\(recheck finds exponential`));
  });
});
