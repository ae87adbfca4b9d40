import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { isAlias, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../contracts/contract.schema.json' with { type: 'json' };
import { decodeUtf8, readFileBytes } from '../codec/text/read-text-file.ts';
import type { Contract, LoadedContract } from '../types/contract.ts';
import { fail, ok, type Result } from '../model/result.ts';
import type { ContractProblem } from './contract-problem.ts';
import { checkContractRules } from './contract-rules.ts';
import { contractCache } from './contract-cache.ts';
import { CONTRACT_LIMITS, dataDepth, scanContractText } from './contract-limits.ts';
import { createAjv } from './create-ajv.ts';
import { SourceMap, splitInstancePath } from './source-map.ts';

let validator: ValidateFunction | undefined;

/** Read, parse and validate one contract file. Returns every problem found, each with file:line:col. */
export async function loadContract(file: string): Promise<Result<LoadedContract, ContractProblem[]>> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    return fail([{ file, line: 1, col: 1, rule: 'unreadable', message: (error as NodeJS.ErrnoException).code ?? String(error) }]);
  }
  if (size > CONTRACT_LIMITS.maxBytes) {
    return fail([{ file, line: 1, col: 1, rule: 'contract-too-large', message: `the file is ${size} bytes; the limit is ${CONTRACT_LIMITS.maxBytes}` }]);
  }
  const read = await readFileBytes(file, { maxBytes: CONTRACT_LIMITS.maxBytes, name: 'CONTRACT_LIMITS.maxBytes' });
  if (!read.ok) return fail([{ file, line: 1, col: 1, rule: 'unreadable', message: read.problem.slice(file.length + 2) }]);
  const bytes = read.value;
  const hash = createHash('sha256').update(bytes).digest('hex');
  // The path is part of the key: whether a contract is valid depends on where it lives (id-path-mismatch).
  const key = createHash('sha256').update(hash).update('\0').update(file).digest('hex');
  const cached = contractCache.get(key);
  if (cached !== undefined && cached.id !== undefined) return ok({ contract: cached, file, hash });
  const text = decodeUtf8(bytes);
  if (!text.ok) return fail([{ file, line: text.problem.line, col: text.problem.column, rule: 'encoding', message: text.problem.message }]);
  const parsed = parseContract(text.value, file, hash);
  if (parsed.ok) contractCache.set(key, parsed.value.contract);
  return parsed;
}

/** Parse and validate contract source text (YAML or JSON). */
export function parseContract(text: string, file: string, hash: string): Result<LoadedContract, ContractProblem[]> {
  const lines = new LineCounter();
  if (text.length > CONTRACT_LIMITS.maxBytes) {
    return fail([{ file, line: 1, col: 1, rule: 'contract-too-large', message: `the text is ${text.length} characters; the limit is ${CONTRACT_LIMITS.maxBytes}` }]);
  }
  const deep = scanContractText(text);
  if (deep !== undefined) return fail([{ file, ...positionIn(text, deep.offset), rule: deep.rule, message: deep.message }]);
  const doc = parseDocument(text, { lineCounter: lines, merge: true, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return fail(doc.errors.map((e) => {
      const { line, col } = lines.linePos(e.pos[0]);
      return { file, line, col, rule: 'syntax', message: e.message.split('\n')[0] ?? e.message };
    }));
  }
  const resolved = resolveAliases(doc, lines, file);
  if (!resolved.ok) return resolved;
  const data = resolved.value;
  const map = new SourceMap(doc, lines);
  if (dataDepth(data) > CONTRACT_LIMITS.maxDepth) {
    return fail([{ file, line: 1, col: 1, rule: 'contract-too-deep', message: `maps and lists nest deeper than the limit of ${CONTRACT_LIMITS.maxDepth}` }]);
  }
  validator ??= createAjv().compile(schema);
  if (!validator(data)) return fail(schemaProblems(validator.errors ?? [], map, file));
  const contract = data as Contract;
  const problems = checkContractRules(contract, file).map((p) => ({ file, ...map.positionOf(p.path, p.key), rule: p.rule, message: p.message }));
  return problems.length > 0 ? fail(problems) : ok({ contract, file, hash });
}

/**
 * Resolve anchors and aliases within `maxAliasCount` expansions. yaml throws a ReferenceError
 * past it (an alias bomb); the problem points at the first alias, where expansion starts.
 */
function resolveAliases(doc: Document, lines: LineCounter, file: string): Result<unknown, ContractProblem[]> {
  try {
    return ok(doc.toJS({ maxAliasCount: CONTRACT_LIMITS.maxAliasCount }) as unknown);
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const { line, col } = lines.linePos(costliestAlias(doc)?.range?.[0] ?? 0);
    return fail([{ file, line, col, rule: 'yaml-alias-limit', message: `resolving the YAML aliases takes more than ${CONTRACT_LIMITS.maxAliasCount} expansions (the maxAliasCount limit; an alias bomb?)` }]);
  }
}

/** The alias whose expansion is largest (the bomb's last stage), counting nodes with memoized anchors. */
function costliestAlias(doc: Document): Alias | undefined {
  const memo = new Map<Node, number>();
  let best: { alias: Alias; cost: number } | undefined;
  visit(doc, {
    Alias(_key, alias) {
      const cost = expansionOf(doc, alias, memo);
      if (best === undefined || cost > best.cost) best = { alias, cost };
    },
  });
  return best?.alias;
}

function expansionOf(doc: Document, alias: Alias, memo: Map<Node, number>): number {
  const target = alias.resolve(doc);
  if (target === undefined) return 1;
  const known = memo.get(target);
  if (known !== undefined) return known;
  memo.set(target, 1); // a cycle counts once
  let cost = 1;
  visit(target, {
    Node(_key, node) {
      cost += 1;
      if (isAlias(node)) cost += expansionOf(doc, node, memo);
      return cost > CONTRACT_LIMITS.maxAliasCount * 1000 ? visit.BREAK : undefined;
    },
  });
  memo.set(target, cost);
  return cost;
}

/** 1-based line and column of a character offset. */
function positionIn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
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
