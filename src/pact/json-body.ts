import type { FieldSpec, WhenSpec } from '../types/contract.ts';
import { leafMatcher } from './pact-matcher.ts';

/** What the JSON template is built against. */
export interface JsonShape {
  readonly fields: readonly FieldSpec[] | undefined;
  readonly when: readonly WhenSpec[];
  readonly isCredential: (field: FieldSpec | undefined) => boolean;
  /** Leave out undocumented members of `open` objects and nillable scalars (responses). @default false */
  readonly dropUndocumented?: boolean;
}

/**
 * A JSON body as a Pact template: objects keep their members, arrays of a repeated field become
 * `eachLike` with the documented minimum, and leaves get the matcher of their field.
 */
export function jsonBody(value: unknown, shape: JsonShape): unknown {
  return template(value, shape.fields === undefined ? undefined : { name: '$', type: 'object', fields: shape.fields }, '', shape);
}

/**
 * A response template: members recorded as `null` are left out. Pact has no "null or a value"
 * matcher, and a provider that fills a field the recording had empty still answers as documented;
 * the key itself is then not required.
 */
export function jsonResponseBody(value: unknown, shape: JsonShape): unknown {
  return jsonBody(withoutNulls(value), { ...shape, dropUndocumented: true });
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

function template(value: unknown, field: FieldSpec | undefined, path: string, shape: JsonShape): unknown {
  if (Array.isArray(value)) return arrayTemplate(value, field, path, shape);
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).flatMap(([key, v]) => {
      const spec = field?.fields?.find((f) => f.name === key);
      // An `open` object tolerates undocumented members: the contract neither requires nor checks them.
      if (spec === undefined && field?.open === true && shape.dropUndocumented === true) return [];
      // A nillable scalar may come back null: Pact cannot say "null or this type", so its value is not pinned.
      if (spec?.nillable === true && spec.type !== 'object' && shape.dropUndocumented === true) return [];
      return [[key, template(v, spec, path === '' ? key : `${path}.${key}`, shape)] as const];
    });
    return Object.fromEntries(members);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return leafMatcher(field, value, { flavor: 'json', when: shape.when.filter((w) => w.path === path), credential: shape.isCredential(field) });
  }
  return value;
}

function arrayTemplate(items: readonly unknown[], field: FieldSpec | undefined, path: string, shape: JsonShape): unknown {
  const first = items[0];
  // An empty array is the documented value (nothing to generalize from): kept as it is.
  if (first === undefined || field?.repeated !== true) return items.map((item) => template(item, field, path, shape));
  const min = field.minItems ?? (field.required === true ? 1 : undefined);
  return { 'pact:matcher:type': 'type', value: [template(first, field, path, shape)], ...(min === undefined ? { min: 0 } : { min }) };
}
