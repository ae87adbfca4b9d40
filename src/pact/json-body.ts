import type { FieldSpec, WhenSpec } from '../types/contract.ts';
import { leafMatcher } from './pact-matcher.ts';

/** What the JSON template is built against. */
export interface JsonShape {
  readonly fields: readonly FieldSpec[] | undefined;
  readonly when: readonly WhenSpec[];
  readonly isCredential: (field: FieldSpec | undefined) => boolean;
}

/**
 * A JSON body as a Pact template: objects keep their members, arrays of a repeated field become
 * `eachLike` with the documented minimum, and leaves get the matcher of their field.
 */
export function jsonBody(value: unknown, shape: JsonShape): unknown {
  return template(value, shape.fields === undefined ? undefined : { name: '$', type: 'object', fields: shape.fields }, '', shape);
}

function template(value: unknown, field: FieldSpec | undefined, path: string, shape: JsonShape): unknown {
  if (Array.isArray(value)) return arrayTemplate(value, field, path, shape);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, template(v, field?.fields?.find((f) => f.name === key), path === '' ? key : `${path}.${key}`, shape)]),
    );
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
