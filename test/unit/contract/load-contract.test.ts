import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/contract/load-contract.ts';
import { formatProblem, type ContractProblem } from '../../../src/contract/contract-problem.ts';
import { CENTRA_CONTRACT, repoPath } from '../../helpers/paths.ts';

/** A copy of the Centra contract with one change (see test/fixtures/contracts/README.md). */
function invalid(variant: string, file = 'invoices_Update.yaml'): string {
  return repoPath('test/fixtures/contracts/invalid', variant, 'centra', file);
}

async function problemsOf(file: string): Promise<ContractProblem[]> {
  const loaded = await loadContract(file);
  if (loaded.ok) throw new Error(`Expected ${file} to be rejected`);
  return loaded.problem;
}

describe('loadContract', () => {
  it('loads the Centra contract with its id, cases and the sha256 of its bytes', async () => {
    const loaded = await loadContract(CENTRA_CONTRACT);
    if (!loaded.ok) throw new Error(loaded.problem.map(formatProblem).join('\n'));
    expect(loaded.value.contract.id).toBe('centra/invoices_Update');
    expect(loaded.value.contract.cases.map((c) => c.name)).toContain('update-ok');
    expect(loaded.value.file).toBe(CENTRA_CONTRACT);
    expect(loaded.value.hash).toBe(createHash('sha256').update(await readFile(CENTRA_CONTRACT)).digest('hex'));
  });

  it('resolves YAML anchors and merge keys into full field specs', async () => {
    const loaded = await loadContract(CENTRA_CONTRACT);
    if (!loaded.ok) throw new Error('Centra contract is invalid');
    const invoice = loaded.value.contract.request.fields[1]?.fields?.[0];
    const shipping = invoice?.fields?.find((f) => f.name === 'shippingaddress');
    expect(shipping).toMatchObject({ name: 'shippingaddress', type: 'object', from: 'shippingAddress' });
    expect(shipping?.fields?.map((f) => f.name)).toContain('zipcode');
  });

  it('reports an unknown key as additionalProperties at the key itself (line 61, column 41)', async () => {
    const file = invalid('unknown-key');
    expect(await problemsOf(file)).toEqual([
      { file, line: 61, col: 41, rule: 'additionalProperties', message: 'unknown key "requried" in request.fields.1.fields.0.fields.0' },
    ]);
  });

  it('reports a value of the wrong type as type at the value (line 37)', async () => {
    const file = invalid('wrong-type');
    expect(await problemsOf(file)).toEqual([
      { file, line: 37, col: 13, rule: 'type', message: 'credentials.password.secret must be of type boolean' },
    ]);
  });

  it('returns every schema problem in the file, not just the first', async () => {
    const problems = await problemsOf(invalid('two-problems'));
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ['type', 37],
      ['additionalProperties', 61],
    ]);
  });

  it('reports a credential reference to an undeclared credential as dangling-credential (line 49)', async () => {
    const [problem, ...rest] = await problemsOf(invalid('dangling-credential'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 49, col: 59, rule: 'dangling-credential' });
    expect(problem?.message).toContain('"passwd"');
    expect(problem?.message).toContain('declared: username, password');
  });

  it('reports a repeated case name as duplicate-case at the second case (line 203)', async () => {
    const problems = await problemsOf(invalid('duplicate-case'));
    expect(problems).toEqual([expect.objectContaining({ line: 203, col: 5, rule: 'duplicate-case', message: 'case name "update-ok" is used more than once' })]);
  });

  it('reports a from: path that is not in the canonical model as dangling-from (line 61)', async () => {
    const problems = await problemsOf(invalid('dangling-from'));
    expect(problems).toEqual([
      expect.objectContaining({ line: 61, col: 57, rule: 'dangling-from', message: '"invoice.identifier" is not a path of the canonical update model' }),
    ]);
  });

  it('resolves from: inside a repeated field against the item, and reports an unknown item path (line 125)', async () => {
    const problems = await problemsOf(invalid('dangling-from-in-item'));
    expect(problems).toEqual([expect.objectContaining({ line: 125, col: 52, rule: 'dangling-from' })]);
    expect(problems[0]?.message).toContain('"unitCost"');
    expect(problems[0]?.message).toContain('relative to the enclosing repeated item');
  });

  it('reports a file whose path does not match its id as id-path-mismatch at the id key (line 5)', async () => {
    const file = invalid('id-path-mismatch', 'invoices_Upsert.yaml');
    expect(await problemsOf(file)).toEqual([
      { file, line: 5, col: 1, rule: 'id-path-mismatch', message: 'contract "centra/invoices_Update" must live at contracts/centra/invoices_Update.yaml' },
    ]);
  });

  it('reports an id that is not vendor/operation as id-mismatch at the id key (line 5)', async () => {
    const problems = await problemsOf(invalid('id-mismatch'));
    expect(problems).toEqual([expect.objectContaining({ line: 5, col: 1, rule: 'id-mismatch' })]);
    expect(problems[0]?.message).toContain('"centra-eu/invoices_Update"');
  });

  it('reports bad indentation as a syntax problem starting at the mis-indented line (line 22)', async () => {
    const problems = await problemsOf(invalid('bad-indentation'));
    expect(problems[0]).toMatchObject({ line: 22, col: 2, rule: 'syntax', message: 'All mapping items must start at the same column' });
    expect(problems.every((p) => p.rule === 'syntax' && p.line >= 22)).toBe(true);
  });

  it('reports a duplicate YAML key as a syntax problem at the second occurrence (line 21)', async () => {
    const problems = await problemsOf(invalid('duplicate-yaml-key'));
    expect(problems).toEqual([expect.objectContaining({ line: 21, col: 3, rule: 'syntax', message: 'Map keys must be unique' })]);
  });

  it('reports a file that cannot be read as unreadable instead of throwing', async () => {
    const file = repoPath('test/fixtures/contracts/does-not-exist.yaml');
    expect(await problemsOf(file)).toEqual([{ file, line: 1, col: 1, rule: 'unreadable', message: 'ENOENT' }]);
  });

  it('reports a contract saved in another charset as an encoding problem at its first bad byte, and a FIFO as unreadable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-charset-'));
    const file = join(dir, 'invoices_Update.yaml');
    const text = (await readFile(CENTRA_CONTRACT, 'utf8')).replace(/\n/, '\n# Fatura nº 7\n');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const [problem, ...more] = await problemsOf(file);
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ file, line: 2, col: 11, rule: 'encoding', message: expect.stringContaining('not UTF-8 text: byte 0xBA') });
    const fifo = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(await problemsOf(fifo)).toEqual([{ file: fifo, line: 1, col: 1, rule: 'unreadable', message: 'not a file' }]);
  });

  it('formats a problem as file:line:col: rule: message', async () => {
    const [problem] = await problemsOf(invalid('wrong-type'));
    if (problem === undefined) throw new Error('no problem');
    expect(formatProblem(problem)).toBe(`${invalid('wrong-type')}:37:13: type: credentials.password.secret must be of type boolean`);
  });
});
