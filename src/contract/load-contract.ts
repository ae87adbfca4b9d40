import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../contracts/contract.schema.json' with { type: 'json' };
import type { Contract, LoadedContract } from '../types/contract.ts';
import { fail, ok, type Result } from '../model/result.ts';
import type { ContractProblem } from './contract-problem.ts';
import { checkContractRules } from './contract-rules.ts';
import { contractCache } from './contract-cache.ts';
import { createAjv } from './create-ajv.ts';
import { SourceMap, splitInstancePath } from './source-map.ts';

let validator: ValidateFunction | undefined;

/** Read, parse and validate one contract file. Returns every problem found, each with file:line:col. */
export async function loadContract(file: string): Promise<Result<LoadedContract, ContractProblem[]>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail([{ file, line: 1, col: 1, rule: 'unreadable', message: (error as NodeJS.ErrnoException).code ?? String(error) }]);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  // The path is part of the key: whether a contract is valid depends on where it lives (id-path-mismatch).
  const key = createHash('sha256').update(hash).update('\0').update(file).digest('hex');
  const cached = contractCache.get(key);
  if (cached !== undefined && cached.id !== undefined) return ok({ contract: cached, file, hash });
  const parsed = parseContract(bytes.toString('utf8'), file, hash);
  if (parsed.ok) contractCache.set(key, parsed.value.contract);
  return parsed;
}

/** Parse and validate contract source text (YAML or JSON). */
export function parseContract(text: string, file: string, hash: string): Result<LoadedContract, ContractProblem[]> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, merge: true, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return fail(doc.errors.map((e) => {
      const { line, col } = lines.linePos(e.pos[0]);
      return { file, line, col, rule: 'syntax', message: e.message.split('\n')[0] ?? e.message };
    }));
  }
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  const map = new SourceMap(doc, lines);
  validator ??= createAjv().compile(schema);
  if (!validator(data)) return fail(schemaProblems(validator.errors ?? [], map, file));
  const contract = data as Contract;
  const problems = checkContractRules(contract, file).map((p) => ({ file, ...map.positionOf(p.path, p.key), rule: p.rule, message: p.message }));
  return problems.length > 0 ? fail(problems) : ok({ contract, file, hash });
}

function schemaProblems(errors: readonly ErrorObject[], map: SourceMap, file: string): ContractProblem[] {
  const relevant = errors.filter((e) => e.keyword !== 'if' && !(e.keyword === 'oneOf' && errors.length > 1));
  const seen = new Set<string>();
  const out: ContractProblem[] = [];
  for (const e of relevant) {
    const problem = { file, ...positionFor(e, map), rule: e.keyword, message: describe(e) };
    const key = `${problem.line}:${problem.col}:${problem.message}`;
    if (!seen.has(key)) out.push(problem);
    seen.add(key);
  }
  return out;
}

function positionFor(e: ErrorObject, map: SourceMap): { line: number; col: number } {
  const path = splitInstancePath(e.instancePath);
  if (e.keyword === 'additionalProperties') return map.positionOf(path, String(e.params['additionalProperty']));
  return map.positionOf(path);
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'contract' : e.instancePath.slice(1).replace(/\//g, '.');
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(e.params['additionalProperty'])}" in ${where}`;
    case 'required':
      return `${where} is missing required key "${String(e.params['missingProperty'])}"`;
    case 'enum':
      return `${where} must be one of: ${(e.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'type':
      return `${where} must be of type ${String(e.params['type'])}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}
