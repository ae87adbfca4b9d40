import type { FieldSpec } from '../types/contract.ts';

/** A documented field with where it sits in decoded data (repeated ancestors at index 0). */
export interface FieldAt {
  readonly field: FieldSpec;
  /** Data path segments, e.g. ['invoices', 'invoice', 0, 'id']. */
  readonly path: readonly (string | number)[];
  /** The field trees from the root down to (excluding) this field, for building missing parents. */
  readonly ancestors: readonly FieldSpec[];
  /** Whether an ancestor is `open` (undocumented children tolerated). */
  readonly open: boolean;
}

/** Every field of a tree, depth first, with its data path. */
export function fieldPaths(fields: readonly FieldSpec[], prefix: readonly (string | number)[] = [], ancestors: readonly FieldSpec[] = []): FieldAt[] {
  return fields.flatMap((field) => {
    const path = [...prefix, field.name];
    const here: FieldAt = { field, path, ancestors, open: ancestors.some((a) => a.open === true) };
    const childPrefix = field.repeated === true ? [...path, 0] : path;
    return [here, ...fieldPaths(field.fields ?? [], childPrefix, [...ancestors, field])];
  });
}

/** `/a/b/0/c` for messages and violation matching. */
export function pointer(path: readonly (string | number)[]): string {
  return path.length === 0 ? '/' : `/${path.join('/')}`;
}
