import type { Contract } from '../types/contract.ts';

/**
 * Each declared credential's `example` placeholder: what offline replay and `build` send. Recordings
 * hold the redaction marker at these positions, and replay treats them as wildcards.
 */
export function placeholderCredentials(contract: Contract): Record<string, string> {
  return Object.fromEntries(Object.entries(contract.credentials).map(([name, c]) => [name, c.example]));
}
