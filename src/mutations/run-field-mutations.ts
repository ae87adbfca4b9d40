import type { Violation } from '../model/violation.ts';
import type { FieldSpec } from '../types/contract.ts';
import type { SchemaFlavor } from '../protocols/shared/fields-to-schema.ts';
import { getAt, parentFor } from './data-path.ts';
import { fieldMutations, type FieldMutation } from './field-mutations.ts';
import { fieldPaths, pointer, type FieldAt } from './field-paths.ts';
import { sampleValue } from './sample-value.ts';

/** A conforming message to mutate: the case it comes from and its decoded data. */
export interface MutationBase {
  readonly name: string;
  readonly data: unknown;
}

/** What one mutation of one field showed. */
export interface MutationResult {
  readonly constraint: string;
  readonly detected: boolean;
  /** The rule of the violation that flagged it. */
  readonly rule?: string;
}

/** One documented field: where a conforming instance of it comes from and which breakages were caught. */
export interface FieldCoverage {
  /** Data path with `[]` for repeated levels, e.g. `/invoices/invoice[]/id`. */
  readonly field: string;
  /** The case whose message carries the field, `derived from <case>` when a sample was added, or null. */
  readonly passing: string | null;
  readonly mutations: readonly MutationResult[];
}

/**
 * For every field: find (or derive) a conforming message that carries it, then break each of its
 * documented constraints in turn and record whether `validate` flags the field.
 */
export function runFieldMutations(fields: readonly FieldSpec[], flavor: SchemaFlavor, bases: readonly MutationBase[], validate: (data: unknown) => readonly Violation[]): FieldCoverage[] {
  const clean = bases.filter((b) => !validate(b.data).some((v) => v.severity === 'error'));
  return fieldPaths(fields).map((at) => {
    const instance = conformingInstance(at, clean, flavor, validate);
    const label = displayPath(at.path);
    if (instance === undefined) return { field: label, passing: null, mutations: [] };
    const mutations = [...fieldMutations(at.field, flavor), ...structureMutations(at)];
    return { field: label, passing: instance.name, mutations: mutations.map((m) => apply(m, at, instance.data, validate)) };
  });
}

function conformingInstance(at: FieldAt, clean: readonly MutationBase[], flavor: SchemaFlavor, validate: (data: unknown) => readonly Violation[]): MutationBase | undefined {
  const carrying = clean.find((b) => getAt(b.data, at.path) !== undefined);
  if (carrying !== undefined) return carrying;
  const first = clean[0];
  const sample = sampleValue(at.field, flavor);
  if (first === undefined || sample === undefined || at.open) return undefined;
  const data = structuredClone(first.data) as Record<string, unknown>;
  const parent = parentFor(data, at.path, at.ancestors, flavor);
  const key = at.path[at.path.length - 1];
  if (parent === undefined || key === undefined) return undefined;
  parent[key] = at.field.repeated === true ? [sample] : sample;
  if (validate(data).some((v) => v.severity === 'error')) return undefined;
  return { name: `derived from ${first.name}`, data };
}

/** Scalars given children, objects given text, and an undocumented element inside closed objects. */
function structureMutations(at: FieldAt): FieldMutation[] {
  if (at.field.type !== 'object') return [{ constraint: 'structure', action: 'set', value: { unexpected: 'child' } }];
  const out: FieldMutation[] = [{ constraint: 'structure', action: 'set', value: 'text instead of elements' }];
  if (at.field.open !== true && !at.open) out.push({ constraint: 'undocumented', action: 'sibling' });
  return out;
}

function apply(m: FieldMutation, at: FieldAt, base: unknown, validate: (data: unknown) => readonly Violation[]): MutationResult {
  const data = structuredClone(base) as Record<string, unknown>;
  const key = at.path[at.path.length - 1] ?? '';
  const parent = getAt(data, at.path.slice(0, -1)) as Record<string | number, unknown> | undefined;
  if (parent === undefined) return { constraint: m.constraint, detected: false };
  let target = at.path;
  if (m.action === 'delete') delete parent[key];
  else if (m.action === 'set') parent[key] = at.field.repeated === true ? [m.value] : m.value;
  else {
    // A nil or empty object (xsi:nil, <x/>) becomes an object holding only the undocumented child.
    const current = at.field.repeated === true ? (parent[key] as unknown[] | undefined)?.[0] : parent[key];
    const inner = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
    inner['__undocumented'] = 'x';
    parent[key] = at.field.repeated === true ? [inner] : inner;
    target = [...at.path, ...(at.field.repeated === true ? [0] : []), '__undocumented'];
  }
  const prefix = pointer(target);
  const hit = validate(data).find((v) => v.severity === 'error' && (v.path === prefix || v.path.startsWith(`${prefix}/`)));
  return hit === undefined ? { constraint: m.constraint, detected: false } : { constraint: m.constraint, detected: true, rule: hit.rule };
}

function displayPath(path: readonly (string | number)[]): string {
  return `/${path.map(String).join('/')}`.replace(/\/0(?=\/|$)/g, '[]');
}
