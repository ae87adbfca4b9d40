import type { Contract } from '../../types/contract.ts';

/**
 * The test credentials the simulator of this contract accepts, by declared credential name: each
 * credential's `simulator` value from the contract (public, printed when the simulators start, the
 * one place a credential is ever printed), or `sim-<name>`.
 */
export function testCredentials(contract: Contract): Record<string, string> {
  return Object.fromEntries(Object.entries(contract.credentials).map(([name, c]) => [name, c.simulator ?? `sim-${name}`]));
}
