import type { FieldSpec } from '../types/contract.ts';
import type { SchemaFlavor } from '../protocols/shared/fields-to-schema.ts';
import { sampleObject } from './sample-value.ts';

type Path = readonly (string | number)[];

/** The value at a data path (array indices included), or undefined. */
export function getAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * The object that holds the last segment of `path`, creating missing parents from the field trees
 * (each new parent gets samples for its required children; a repeated one becomes a one-item list).
 */
export function parentFor(data: Record<string, unknown>, path: Path, ancestors: readonly FieldSpec[], flavor: SchemaFlavor): Record<string | number, unknown> | undefined {
  let current: Record<string | number, unknown> = data;
  let depth = 0;
  for (const segment of path.slice(0, -1)) {
    if (typeof segment === 'number') {
      const next = current[segment];
      if (typeof next !== 'object' || next === null) return undefined;
      current = next as Record<string | number, unknown>;
      continue;
    }
    const ancestor = ancestors[depth++];
    if (current[segment] === undefined || current[segment] === null || current[segment] === '') {
      const made = sampleObject(ancestor?.fields ?? [], flavor);
      current[segment] = ancestor?.repeated === true ? [made] : made;
    }
    const next = current[segment];
    if (typeof next !== 'object' || next === null) return undefined;
    current = next as Record<string | number, unknown>;
  }
  return current;
}
