import type { TransformName } from '../types/contract.ts';
import { assertNever } from '../model/result.ts';

/** Apply the named transforms, in order, to a string value. Non-strings pass through. */
export function applyTransforms(value: string | number | boolean, names: readonly TransformName[]): string | number | boolean {
  if (typeof value !== 'string') return value;
  return names.reduce((v, name) => applyOne(v, name), value);
}

function applyOne(value: string, name: TransformName): string {
  switch (name) {
    case 'upper':
      return value.toUpperCase();
    case 'lower':
      return value.toLowerCase();
    case 'trim':
      return value.trim();
    default:
      return assertNever(name);
  }
}
