import type { Contract, FieldSpec, ParamSpec, RuleSpec } from '../types/contract.ts';
import { compileExpression } from '../rules/evaluate-rules.ts';
import { budgetProblem } from '../rules/rule-budget.ts';
import { patternSafety } from './pattern-safety.ts';

/**
 * Longest value a pattern that is not proven safe (see pattern-safety.ts) may run on: at worst about 2^20
 * backtracking steps (milliseconds). The derived schema applies such patterns only within maxLength.
 */
export const MAX_UNSAFE_PATTERN_LENGTH = 20;
import { canonicalItemOf, canonicalNodeAt, validateCanonical, type SchemaNode } from './canonical-schema.ts';

/** A rule problem located by data path (positioned later by the loader). */
export interface RuleProblem {
  readonly path: readonly (string | number)[];
  readonly key?: string;
  readonly rule: string;
  readonly message: string;
}

type Path = readonly (string | number)[];

/** Rules JSON Schema cannot express: identity, uniqueness, references and protocol requirements. */
export function checkContractRules(contract: Contract, file: string): RuleProblem[] {
  return [
    ...checkIdentity(contract, file),
    ...checkProtocol(contract),
    ...checkUnique(contract.cases.map((c) => c.name), ['cases'], 'duplicate-case', 'case'),
    ...checkUnique(contract.responses.map((r) => r.name), ['responses'], 'duplicate-response', 'response'),
    ...checkParams(contract, contract.transport.pathParams ?? [], ['transport', 'pathParams']),
    ...checkParams(contract, contract.transport.query ?? [], ['transport', 'query']),
    ...checkFields(contract, contract.request.header ?? [], ['request', 'header'], undefined),
    ...checkFields(contract, contract.request.fields, ['request', 'fields'], undefined),
    ...contract.responses.flatMap((r, i) => checkPatterns(r.fields ?? [], ['responses', i, 'fields'])),
    ...checkCases(contract),
    ...checkUnique((contract.rules ?? []).map((r) => r.id), ['rules'], 'duplicate-rule', 'rule', 'id'),
    ...(contract.rules ?? []).flatMap((r, i) => [...checkResponseRef(contract, r.response, ['rules', i]), ...checkExpressions(r, ['rules', i])]),
    ...(contract.behaviours ?? []).flatMap((b, i) => checkResponseRef(contract, typeof b.params?.['response'] === 'string' ? b.params['response'] : undefined, ['behaviours', i, 'params'])),
    ...checkProbe(contract),
    ...checkWhenPatterns(contract),
    ...(contract.rules ?? []).flatMap((r, i) => (r.responses ?? []).flatMap((name) => checkResponseRef(contract, name, ['rules', i]))),
    ...contract.cases.flatMap((c, i) => (c.expect.rules ?? []).filter((id) => !(contract.rules ?? []).some((r) => r.id === id)).map((id) => ({
      path: ['cases', i, 'expect'],
      key: 'rules',
      rule: 'dangling-rule',
      message: `rule "${id}" is not declared under rules`,
    }))),
  ];
}

function checkResponseRef(contract: Contract, name: string | undefined, path: Path): RuleProblem[] {
  if (name === undefined || contract.responses.some((r) => r.name === name)) return [];
  return [{ path, key: 'response', rule: 'dangling-response', message: `response "${name}" is not declared under responses (declared: ${contract.responses.map((r) => r.name).join(', ')})` }];
}

function checkExpressions(rule: RuleSpec, path: Path): RuleProblem[] {
  const sources: [string, string][] = [['assert', rule.assert], ...(rule.scope === undefined ? [] : [['scope', rule.scope] as [string, string]]), ...(rule.show ?? []).map((e): [string, string] => ['show', e])];
  return sources.flatMap(([key, source]) => {
    try {
      const range = budgetProblem(compileExpression(source));
      return range === undefined ? [] : [{ path, key, rule: 'rule-budget', message: `JSONata ${range}` }];
    } catch (error) {
      return [{ path, key, rule: 'invalid-expression', message: `JSONata does not compile: ${(error as { message?: string }).message ?? String(error)}` }];
    }
  });
}

function checkProbe(contract: Contract): RuleProblem[] {
  const probe = contract.probe;
  if (probe === undefined) return [];
  const rejected = (probe.rejected ?? []).flatMap((name) => checkResponseRef(contract, name, ['probe']).map((p) => ({ ...p, key: 'rejected' })));
  const proofs = probe.valid.flatMap((proof, i) => checkProof(contract, proof.response, ['probe', 'valid', i]));
  if (contract.cases.some((c) => c.name === probe.case)) return [...rejected, ...proofs];
  return [{ path: ['probe'], key: 'case', rule: 'dangling-case', message: `probe case "${probe.case}" is not declared under cases` }, ...rejected, ...proofs];
}

/** A proof names a documented response that is not itself a refusal. */
function checkProof(contract: Contract, name: string, path: Path): RuleProblem[] {
  const dangling = checkResponseRef(contract, name, path);
  if (dangling.length > 0) return dangling;
  const refused = contract.responses.find((r) => r.name === name)?.outcome === 'auth_failed' || (contract.probe?.rejected ?? []).includes(name);
  return refused ? [{ path, key: 'response', rule: 'probe-proof-refusal', message: `response "${name}" is a refusal (auth_failed or listed under probe.rejected), so it cannot prove the credentials accepted` }] : [];
}

function checkIdentity(contract: Contract, file: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (contract.id !== `${contract.vendor}/${contract.operation}`) {
    problems.push({ path: [], key: 'id', rule: 'id-mismatch', message: `id "${contract.id}" must be "<vendor>/<operation>" = "${contract.vendor}/${contract.operation}"` });
  }
  const normalized = file.replace(/\\/g, '/').replace(/\.(ya?ml|json)$/, '');
  if (!normalized.endsWith(`/${contract.id}`) && normalized !== contract.id) {
    problems.push({ path: [], key: 'id', rule: 'id-path-mismatch', message: `contract "${contract.id}" must live at contracts/${contract.id}.yaml` });
  }
  return problems;
}

function checkProtocol(contract: Contract): RuleProblem[] {
  if (contract.protocol === 'json') return [];
  const problems: RuleProblem[] = [];
  if (contract.request.element === undefined && !(contract.protocol === 'xml' && contract.transport.method === 'GET' && contract.request.fields.length === 0)) {
    problems.push({ path: ['request'], rule: 'protocol-requires', message: `${contract.protocol} contracts need request.element (the operation or root element; only an xml GET without fields has no body)` });
  }
  if (contract.protocol === 'soap11') {
    if (contract.transport.soapAction === undefined) {
      problems.push({ path: ['transport'], rule: 'protocol-requires', message: 'soap11 contracts need transport.soapAction' });
    }
    if (contract.namespace === undefined || contract.namespace === '') {
      problems.push({ path: [], rule: 'protocol-requires', message: 'soap11 contracts need a target namespace' });
    }
  }
  return problems;
}

function checkUnique(names: readonly string[], path: Path, rule: string, what: string, key = 'name'): RuleProblem[] {
  const seen = new Set<string>();
  const problems: RuleProblem[] = [];
  names.forEach((name, i) => {
    if (seen.has(name)) problems.push({ path: [...path, i], key, rule, message: `${what} ${key} "${name}" is used more than once` });
    seen.add(name);
  });
  return problems;
}

function checkCredentialRef(contract: Contract, credential: string | undefined, path: Path): RuleProblem[] {
  if (credential === undefined || credential in contract.credentials) return [];
  const declared = Object.keys(contract.credentials).join(', ') || 'none';
  return [{ path, key: 'credential', rule: 'dangling-credential', message: `credential "${credential}" is not declared under credentials (declared: ${declared})` }];
}

function checkParams(contract: Contract, params: readonly ParamSpec[], path: Path): RuleProblem[] {
  return params.flatMap((p, i) => [
    ...checkCredentialRef(contract, p.credential, [...path, i]),
    ...checkFrom(p.from, undefined, [...path, i]),
  ]);
}

function checkFrom(from: string | undefined, scope: SchemaNode | undefined, path: Path): RuleProblem[] {
  if (from === undefined || canonicalNodeAt(scope, from) !== undefined) return [];
  return [{ path, key: 'from', rule: 'dangling-from', message: `"${from}" is not a path of the canonical update model${scope === undefined ? '' : ' (relative to the enclosing repeated item)'}` }];
}

function checkFields(contract: Contract, fields: readonly FieldSpec[], path: Path, scope: SchemaNode | undefined): RuleProblem[] {
  const problems = checkUnique(fields.map((f) => f.name), path, 'duplicate-field', 'field');
  fields.forEach((field, i) => {
    const at = [...path, i];
    problems.push(...checkCredentialRef(contract, field.credential, at), ...checkFrom(field.from, scope, at), ...checkPattern(field, at));
    if (field.fields !== undefined) problems.push(...checkFields(contract, field.fields, [...at, 'fields'], childScope(field, scope)));
  });
  return problems;
}

function childScope(field: FieldSpec, scope: SchemaNode | undefined): SchemaNode | undefined {
  if (field.from === undefined) return scope;
  const node = canonicalNodeAt(scope, field.from);
  if (node === undefined) return scope;
  return field.repeated === true ? (canonicalItemOf(node) ?? node) : node;
}

function checkPattern(field: FieldSpec, path: Path): RuleProblem[] {
  if (field.pattern === undefined) return [];
  try {
    new RegExp(field.pattern, 'u');
  } catch (error) {
    return [{ path, key: 'pattern', rule: 'invalid-pattern', message: `pattern does not compile: ${(error as Error).message}` }];
  }
  if (field.maxLength !== undefined && field.maxLength <= MAX_UNSAFE_PATTERN_LENGTH) return [];
  const safety = patternSafety(field.pattern);
  if (safety.safe) return [];
  return [{
    path,
    key: 'pattern',
    rule: 'unsafe-pattern',
    message: `pattern ${JSON.stringify(field.pattern)} may backtrack exponentially (${safety.reason}); rewrite it, or give the field maxLength ≤ ${MAX_UNSAFE_PATTERN_LENGTH} (it is ${field.maxLength ?? 'unbounded'}), so it only ever runs on short values`,
  }];
}

function checkWhenPatterns(contract: Contract): RuleProblem[] {
  return contract.responses.flatMap((r, i) =>
    (r.match.when ?? []).flatMap((w, j) => {
      if (w.matches === undefined) return [];
      const safety = patternSafety(w.matches);
      if (safety.safe) return [];
      return [{ path: ['responses', i, 'match', 'when', j], key: 'matches', rule: 'unsafe-pattern', message: `pattern ${JSON.stringify(w.matches)} may backtrack exponentially on a response value (${safety.reason}); rewrite it` }];
    }),
  );
}

function checkPatterns(fields: readonly FieldSpec[], path: Path): RuleProblem[] {
  return fields.flatMap((f, i) => [...checkPattern(f, [...path, i]), ...checkPatterns(f.fields ?? [], [...path, i, 'fields'])]);
}

function checkCases(contract: Contract): RuleProblem[] {
  return contract.cases.flatMap((c, i) =>
    validateCanonical(c.input).map((e) => ({
      path: ['cases', i, 'input', ...e.instancePath.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s))],
      rule: 'case-input',
      message: `input${e.instancePath} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` ("${String(e.params['additionalProperty'])}")` : ''}`,
    })),
  );
}
