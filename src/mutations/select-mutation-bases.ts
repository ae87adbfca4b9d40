import type { Violation } from '../model/violation.ts';
import type { FieldSpec } from '../types/contract.ts';
import { getAt } from './data-path.ts';
import { fieldPaths } from './field-paths.ts';
import type { MutationBase } from './run-field-mutations.ts';

/** Keeps, of a stream of mutation bases, only those `runFieldMutations` can pick. */
export interface MutationBaseSelector {
  /** Offer the next base (in case order); it is kept only when it can be picked. */
  add(base: MutationBase): void;
  /** The kept bases, in the order they were added. */
  selected(): readonly MutationBase[];
}

/**
 * `runFieldMutations` mutates, for each field, the first conforming base that carries it (or a sample
 * added to the first conforming base). So of all bases it needs only the first conforming one and,
 * for each field, the first conforming one carrying it: at most one per field, however many cases
 * there are. A base is validated only when it could be one of those, and the rest are not kept, so a
 * run holds a few decoded messages per part rather than every case's. Given the selection,
 * `runFieldMutations` returns exactly what it returns given every base.
 */
export function createMutationBaseSelector(fields: readonly FieldSpec[], validate: (data: unknown) => readonly Violation[]): MutationBaseSelector {
  const uncarried = new Set(fieldPaths(fields).map((at) => at.path));
  const kept: MutationBase[] = [];
  return {
    add(base) {
      const carries = [...uncarried].filter((path) => getAt(base.data, path) !== undefined);
      if (kept.length > 0 && carries.length === 0) return;
      if (validate(base.data).some((v) => v.severity === 'error')) return;
      kept.push(base);
      for (const path of carries) uncarried.delete(path);
    },
    selected: () => kept,
  };
}
