import type { BehaviourSpec, Contract } from '../types/contract.ts';
import { protocolFor } from '../protocols/index.ts';
import { valuesAt } from '../mapping/values-at.ts';
import { sampleValue } from '../mutations/sample-value.ts';
import type { PartCoverage } from '../mutations/contract-field-coverage.ts';
import { evaluateBehaviour } from '../behaviours/evaluate-behaviour.ts';
import { coverageItem, type CoverageItem } from '../coverage/coverage.ts';
import type { CaseContext } from '../../suites/check.ts';

/** A case with a recording read and decoded. */
export type Recorded = CaseContext & { readonly recorded: NonNullable<CaseContext['recorded']> };

/** The behaviours' evidence under way: cases are added in case order and leave only their names behind. */
export interface BehaviourEvidenceFold {
  add(c: Recorded): void;
  /** One item per documented behaviour, in contract order. */
  items(parts: readonly PartCoverage[]): CoverageItem[];
}

/**
 * A documented behaviour: single-exchange behaviours are judged by their own check on each case;
 * guards (state, lock, rate limit) by cases let through (ok) and cases answered with the guard's
 * documented response; key-based ones (upsert, items replace all) by the key field's mutations.
 */
export function foldBehaviourEvidence(contract: Contract): BehaviourEvidenceFold {
  const ok: string[] = [];
  // As listed; a repeated id is judged by the first behaviour with that id.
  const listed = (contract.behaviours ?? []).map((b) => ({ id: b.id, spec: (contract.behaviours ?? []).find((x) => x.id === b.id) }));
  const evidence = listed.map(({ spec }) => ({ passing: [] as string[], failing: [] as string[], spec }));
  return {
    add(c) {
      if (c.recorded.response.outcome === 'ok') ok.push(c.case.name);
      for (const e of evidence) if (e.spec !== undefined) addCase(contract, e.spec, c, e);
    },
    items: (parts) => listed.map(({ id }, i) => item(contract, id, evidence[i], ok, parts)),
  };
}

interface Evidence {
  readonly passing: string[];
  readonly failing: string[];
  readonly spec: BehaviourSpec | undefined;
}

function addCase(contract: Contract, b: BehaviourSpec, c: Recorded, e: Evidence): void {
  switch (b.kind) {
    case 'state-guard':
    case 'optimistic-lock':
    case 'rate-limit':
      if (c.recorded.response.matched === (b.params ?? {})['response']) e.failing.push(c.case.name);
      return;
    case 'upsert':
    case 'items-replace-all':
      return;
    default:
      singleExchange(contract, b, c, e);
  }
}

function item(contract: Contract, id: string, e: Evidence | undefined, ok: readonly string[], parts: readonly PartCoverage[]): CoverageItem {
  const b = e?.spec;
  if (e === undefined || b === undefined) return coverageItem('behaviour', `behaviour ${id}`, [], []);
  const params = b.params ?? {};
  switch (b.kind) {
    case 'state-guard':
    case 'optimistic-lock':
    case 'rate-limit':
      return coverageItem('behaviour', `behaviour ${id}`, ok, e.failing);
    case 'upsert':
      return coverageItem('behaviour', `behaviour ${id}`, ok, keyMutations(parts, String(params['key'] ?? '')));
    case 'items-replace-all':
      return coverageItem('behaviour', `behaviour ${id}`, ok, keyMutations(parts, String(params['items'] ?? '')));
    default: {
      const full = fullRecord(contract, b);
      const derived = full !== undefined && evaluateBehaviour(contract, b, { request: full, response: undefined })?.length === 0 ? ['derived: every field sent'] : [];
      return coverageItem('behaviour', `behaviour ${id}`, [...e.passing, ...derived], e.failing);
    }
  }
}

/** Detected mutations of the request field a behaviour hinges on (its upsert key, its item list). */
function keyMutations(parts: readonly PartCoverage[], key: string): string[] {
  const wanted = `/${key.replace(/\./g, '/')}`;
  const field = parts.find((p) => p.part === 'request')?.fields.find((f) => f.field.replace(/\[\]/g, '') === wanted);
  if (field === undefined) return [];
  return field.mutations.filter((m) => m.detected).map((m) => `mutation:${field.field} ${m.constraint}`);
}

/** A single-exchange behaviour judged on one case, and on that case changed where the behaviour must object. */
function singleExchange(contract: Contract, b: BehaviourSpec, c: Recorded, e: Evidence): void {
  const request = c.recorded.decoded.body;
  const response = c.recorded.response.outcome === 'ok' ? c.recorded.response.data : undefined;
  const result = evaluateBehaviour(contract, b, { request, response });
  if (result === undefined) return;
  if (result.length > 0) {
    e.failing.push(c.case.name);
    return;
  }
  e.passing.push(c.case.name);
  const mutated = mutateForBehaviour(b, request, response);
  const caught = mutated === undefined ? undefined : evaluateBehaviour(contract, b, mutated.input);
  if (mutated !== undefined && caught !== undefined && caught.length > 0) e.failing.push(`mutation:${c.case.name} ${mutated.what}`);
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
