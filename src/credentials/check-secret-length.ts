import { SuiteError } from '../errors.ts';
import type { Contract } from '../types/contract.ts';

/**
 * The shortest secret credential value the suite will send. A shorter one cannot be told apart
 * from ordinary text, so no recording, report or log could be shown free of it (and its encoded
 * forms would match innocent bytes). NIST SP 800-63B also asks for at least 8 characters.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * Refuse, before anything is sent, any secret credential value shorter than MIN_SECRET_LENGTH.
 * The message names the contract, the credential and its variable, never the value.
 * @throws SuiteError `CREDENTIALS_INVALID`
 */
export function assertSecretsLongEnough(contracts: readonly Contract[], credentials: Readonly<Record<string, Readonly<Record<string, string>>>>): void {
  const short: string[] = [];
  for (const contract of contracts) {
    for (const [name, spec] of Object.entries(contract.credentials)) {
      const value = credentials[contract.id]?.[name] ?? '';
      if (spec.secret && value !== '' && [...value].length < MIN_SECRET_LENGTH) short.push(`${contract.id}: ${name} (${spec.env}) has ${[...value].length} characters`);
    }
  }
  if (short.length > 0) {
    throw new SuiteError('CREDENTIALS_INVALID', `Refusing to send: secret credentials must have at least ${MIN_SECRET_LENGTH} characters (MIN_SECRET_LENGTH), so that no report, recording or log can hold them unnoticed. Nothing was sent.`, { details: short });
  }
}
