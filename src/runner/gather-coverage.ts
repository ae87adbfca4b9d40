import type { BehaviourSpec, Contract, RuleSpec } from '../types/contract.ts';
import { protocolFor } from '../protocols/index.ts';
import { valuesAt } from '../mapping/values-at.ts';
import { sampleValue } from '../mutations/sample-value.ts';
import { classifyResponse } from '../protocols/classify-response.ts';
import { entryResponse } from '../recording/entry-to-exchange.ts';
import { contractFieldCoverage, type PartCoverage } from '../mutations/contract-field-coverage.ts';
import { breakRule } from '../mutations/rule-mutation.ts';
import type { MutationBase } from '../mutations/run-field-mutations.ts';
import { evaluateBehaviour } from '../behaviours/evaluate-behaviour.ts';
import { contractCoverage, coverageItem, type ContractCoverage, type CoverageItem } from '../coverage/coverage.ts';
import type { CaseContext } from '../../suites/check.ts';

/** Field mutations of every part of the contract, and the coverage of every documented item. */
export interface ContractEvidence {
  readonly parts: readonly PartCoverage[];
  readonly coverage: ContractCoverage;
}

type Recorded = CaseContext & { readonly recorded: NonNullable<CaseContext['recorded']> };

/** Gather, for one contract, the evidence that each documented item passes and fails. */
export async function gatherCoverage(contract: Contract, cases: readonly CaseContext[]): Promise<ContractEvidence> {
  const recorded = cases.filter((c): c is Recorded => c.recorded !== undefined);
  const parts = contractFieldCoverage(contract, {
    requestBodies: recorded.map((c) => ({ name: c.case.name, data: c.recorded.decoded.body })),
    requestHeaders: recorded.flatMap((c) => (c.recorded.decoded.header === undefined ? [] : [{ name: c.case.name, data: c.recorded.decoded.header }])),
    responses: responseBases(recorded),
  });
  const items: CoverageItem[] = [
    ...parts.flatMap((p) => p.fields.map((f) => coverageItem('field', `${p.part} ${f.field}`, f.passing === null ? [] : [f.passing], f.mutations.filter((m) => m.detected).map((m) => `mutation:${m.constraint}`), f.mutations.filter((m) => !m.detected).map((m) => `mutation:${m.constraint}`)))),
    ...contract.responses.map((spec) => responseItem(contract, spec.name, recorded)),
    ...(await Promise.all((contract.rules ?? []).map((rule) => ruleItem(contract, rule, recorded)))),
    ...(contract.behaviours ?? []).map((b) => behaviourItem(contract, b.id, recorded, parts)),
  ];
  return { parts, coverage: contractCoverage(contract.id, items) };
}

function responseBases(recorded: readonly Recorded[]): Map<string, MutationBase[]> {
  const out = new Map<string, MutationBase[]>();
  for (const c of recorded) {
    const matched = c.recorded.response.matched;
    if (matched !== null) out.set(matched, [...(out.get(matched) ?? []), { name: c.case.name, data: c.recorded.response.data }]);
  }
  return out;
}

/** A documented response: the cases answered with it, and whether a changed status or body stops matching it. */
function responseItem(contract: Contract, name: string, recorded: readonly Recorded[]): CoverageItem {
  const answered = recorded.filter((c) => c.recorded.response.matched === name);
  const first = answered[0];
  if (first === undefined || !first.recording.ok) return coverageItem('response', `response ${name}`, [], []);
  const response = entryResponse(first.recording.entry);
  const mutations = [
    { what: 'mutation:status', response: { ...response, status: 599 } },
    { what: 'mutation:body', response: { ...response, body: response.body.trim() === '' ? '<unexpected/>' : '' } },
  ];
  const caught = mutations.filter((m) => classifyResponse(contract, m.response).matched !== name).map((m) => m.what);
  return coverageItem('response', `response ${name}`, answered.map((c) => c.case.name), caught, caught.length === 0 ? ['mutation:status', 'mutation:body'] : []);
}

async function ruleItem(contract: Contract, rule: RuleSpec, recorded: readonly Recorded[]): Promise<CoverageItem> {
  const onResponse = rule.on === 'response';
  const applicable = recorded.filter((c) => !onResponse || rule.responses === undefined || rule.responses.includes(c.recorded.response.matched ?? ''));
  const breaks = (c: Recorded): boolean => (onResponse ? c.recorded.responseRules : c.recorded.requestRules).some((v) => v.params?.['rule'] === rule.id);
  const passing = applicable.filter((c) => !breaks(c));
  const negative = applicable.filter((c) => breaks(c) && (c.case.expect.rules ?? []).includes(rule.id)).map((c) => c.case.name);
  const first = passing[0];
  const input = first === undefined ? undefined : onResponse ? { data: first.recorded.response.data } : { data: first.recorded.decoded.body, header: first.recorded.decoded.header };
  const mutation = input === undefined ? undefined : await breakRule(contract, rule, input);
  return coverageItem('rule', `rule ${rule.id}`, passing.map((c) => c.case.name), [...negative, ...(mutation === undefined ? [] : [mutation])]);
}

/**
 * A documented behaviour: single-exchange behaviours are judged by their own check on each case;
 * guards (state, lock, rate limit) by cases let through (ok) and cases answered with the guard's
 * documented response; key-based ones (upsert, items replace all) by the key field's mutations.
 */
function behaviourItem(contract: Contract, id: string, recorded: readonly Recorded[], parts: readonly PartCoverage[]): CoverageItem {
  const b = (contract.behaviours ?? []).find((x) => x.id === id);
  if (b === undefined) return coverageItem('behaviour', `behaviour ${id}`, [], []);
  const ok = recorded.filter((c) => c.recorded.response.outcome === 'ok').map((c) => c.case.name);
  const params = b.params ?? {};
  switch (b.kind) {
    case 'state-guard':
    case 'optimistic-lock':
    case 'rate-limit':
      return coverageItem('behaviour', `behaviour ${id}`, ok, recorded.filter((c) => c.recorded.response.matched === params['response']).map((c) => c.case.name));
    case 'upsert':
      return coverageItem('behaviour', `behaviour ${id}`, ok, keyMutations(parts, String(params['key'] ?? '')));
    case 'items-replace-all':
      return coverageItem('behaviour', `behaviour ${id}`, ok, keyMutations(parts, String(params['items'] ?? '')));
    default:
      return singleExchangeItem(contract, b.id, recorded);
  }
}

/** Detected mutations of the request field a behaviour hinges on (its upsert key, its item list). */
function keyMutations(parts: readonly PartCoverage[], key: string): string[] {
  const wanted = `/${key.replace(/\./g, '/')}`;
  const field = parts.find((p) => p.part === 'request')?.fields.find((f) => f.field.replace(/\[\]/g, '') === wanted);
  if (field === undefined) return [];
  return field.mutations.filter((m) => m.detected).map((m) => `mutation:${field.field} ${m.constraint}`);
}

function singleExchangeItem(contract: Contract, id: string, recorded: readonly Recorded[]): CoverageItem {
  const b = (contract.behaviours ?? []).find((x) => x.id === id);
  if (b === undefined) return coverageItem('behaviour', `behaviour ${id}`, [], []);
  const passing: string[] = [];
  const failing: string[] = [];
  for (const c of recorded) {
    const request = c.recorded.decoded.body;
    const response = c.recorded.response.outcome === 'ok' ? c.recorded.response.data : undefined;
    const result = evaluateBehaviour(contract, b, { request, response });
    if (result === undefined) continue;
    if (result.length > 0) {
      failing.push(c.case.name);
      continue;
    }
    passing.push(c.case.name);
    const mutated = mutateForBehaviour(b, request, response);
    const caught = mutated === undefined ? undefined : evaluateBehaviour(contract, b, mutated.input);
    if (mutated !== undefined && caught !== undefined && caught.length > 0) failing.push(`mutation:${c.case.name} ${mutated.what}`);
  }
  const full = fullRecord(contract, b);
  if (full !== undefined && evaluateBehaviour(contract, b, { request: full, response: undefined })?.length === 0) passing.push('derived: every field sent');
  return coverageItem('behaviour', `behaviour ${id}`, passing, failing);
}

/** A change that must make a behaviour check object: its documented params say where to make it. */
function mutateForBehaviour(b: BehaviourSpec, request: unknown, response: unknown): { what: string; input: { request: unknown; response: unknown } } | undefined {
  const p = b.params ?? {};
  if (response !== undefined && (typeof p['field'] === 'string' || typeof p['set'] === 'string')) {
    const copy = structuredClone(response) as { data?: Record<string, unknown> };
    if (copy.data === undefined) return undefined;
    if (typeof p['field'] === 'string') copy.data[p['field']] = '__mutated__';
    if (typeof p['set'] === 'string') copy.data[p['set']] = [];
    return { what: 'response changed', input: { request, response: copy } };
  }
  if (typeof p['record'] === 'string' && b.kind === 'partial-update') {
    const copy = structuredClone(request);
    const record = valuesAt(copy, p['record'])[0];
    if (typeof record !== 'object' || record === null) return undefined;
    const key = Object.keys(record).find((k) => typeof (record as Record<string, unknown>)[k] === 'string' && (record as Record<string, unknown>)[k] !== '');
    if (key === undefined) return undefined;
    (record as Record<string, unknown>)[key] = '';
    return { what: `empty ${key}`, input: { request: copy, response } };
  }
  return undefined;
}

/** For omit-clears: a request whose record sends every documented field (with sample values). */
function fullRecord(contract: Contract, b: BehaviourSpec): unknown {
  if (b.kind !== 'omit-clears' || typeof b.params?.['record'] !== 'string') return undefined;
  const record = b.params['record'];
  const field = contract.request.fields.find((f) => f.name === record);
  if (field?.fields === undefined) return undefined;
  const flavor = protocolFor(contract.protocol).flavor;
  return { [record]: Object.fromEntries(field.fields.map((f) => [f.name, sampleValue(f, flavor) ?? ''])) };
}
