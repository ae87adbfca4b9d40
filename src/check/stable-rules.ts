import type { Contract } from '../types/contract.ts';

/** JSONata's functions whose result changes from one call to the next (the clock, random numbers). */
const UNSTABLE = /\$(?:now|millis|random)\b/;

const known = new WeakMap<Contract, { readonly request: boolean; readonly response: boolean }>();

/**
 * Whether the contract's rules for one side give the same verdicts whenever they see the same message:
 * none of their expressions (scope, assert, show) calls `$now`, `$millis` or `$random`. Only then may
 * a verdict found for one message be given to an equal one.
 */
export function rulesAreStable(contract: Contract, on: 'request' | 'response'): boolean {
  let sides = known.get(contract);
  if (sides === undefined) {
    const unstable = (side: 'request' | 'response'): boolean =>
      (contract.rules ?? []).some((r) => (r.on ?? 'request') === side && [r.scope ?? '', r.assert, ...(r.show ?? [])].some((e) => UNSTABLE.test(e)));
    sides = { request: !unstable('request'), response: !unstable('response') };
    known.set(contract, sides);
  }
  return sides[on];
}
