import type { Contract } from '../../types/contract.ts';

/**
 * The simulators' documented test credentials: public values, printed when the simulators start
 * (the one place a credential is ever printed). A vendor not listed here gets `sim-<name>`.
 */
export const TEST_CREDENTIALS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  centra: { username: 'sim-user', password: 'sim-password' },
  ebizcharge: { securityId: 'sim-security-id', userId: 'sim-user', password: 'sim-password' },
  crmcom: { token: 'sim-token' },
  invoicexpress: { apiKey: 'sim-api-key' },
  opsplanning: { accountName: 'sim-account', emailAddress: 'sim-user@simulator.invalid', password: 'sim-password' },
};

/** The test credentials the simulator of this contract accepts, by declared credential name. */
export function testCredentials(contract: Contract): Record<string, string> {
  const known = TEST_CREDENTIALS[contract.vendor] ?? {};
  return Object.fromEntries(Object.keys(contract.credentials).map((name) => [name, known[name] ?? `sim-${name}`]));
}
