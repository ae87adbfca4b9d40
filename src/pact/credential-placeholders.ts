import type { Contract } from '../types/contract.ts';

/**
 * The placeholder a pact file carries at a credential position: `{{CENTRA_PASSWORD}}`, named after
 * the environment variable the value comes from. `pact verify` replaces it with the real value in
 * flight; the value itself is never written.
 */
export function credentialPlaceholder(contract: Contract, name: string): string {
  return `{{${contract.credentials[name]?.env ?? name.toUpperCase()}}}`;
}

/** Every declared credential's placeholder, by credential name: what export builds requests with. */
export function credentialPlaceholders(contract: Contract): Record<string, string> {
  return Object.fromEntries(Object.keys(contract.credentials).map((name) => [name, credentialPlaceholder(contract, name)]));
}
