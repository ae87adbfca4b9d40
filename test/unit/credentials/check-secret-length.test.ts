import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { resolveLiveAccess, resolveSimulateCredentials } from '../../../src/credentials/resolve-access.ts';
import { MIN_SECRET_LENGTH } from '../../../src/credentials/check-secret-length.ts';
import { isSuiteError } from '../../../src/errors.ts';
import { repoPath } from '../../helpers/paths.ts';

function problem(fn: () => unknown): string {
  try {
    fn();
    return '';
  } catch (error) {
    if (!isSuiteError(error)) throw error;
    return [error.message, ...error.details].join('\n');
  }
}

describe('the secret length minimum', () => {
  let centra: Contract[];
  const env = (password: string) => ({ CENTRA_BASE_URL: 'http://127.0.0.1:9', CENTRA_USERNAME: 'u', CENTRA_PASSWORD: password });

  beforeAll(async () => {
    centra = (await loadAllContracts([repoPath('contracts/centra')])).map((l) => l.contract);
  });

  it('refuses a secret one character short of the minimum, naming the credential, never the value', () => {
    const short = 'x'.repeat(MIN_SECRET_LENGTH - 1);
    const message = problem(() => resolveLiveAccess(centra, env(short), undefined));
    expect(message).toContain(`at least ${MIN_SECRET_LENGTH} characters`);
    expect(message).toContain(`centra/invoices_Update: password (CENTRA_PASSWORD) has ${MIN_SECRET_LENGTH - 1} characters`);
    expect(message).not.toContain(short);
  });

  it('accepts a secret of exactly the minimum and a short value that is not secret (the user name)', () => {
    expect(problem(() => resolveLiveAccess(centra, env('y'.repeat(MIN_SECRET_LENGTH)), undefined))).toBe('');
  });

  it('applies to simulator credentials set in the environment too', () => {
    expect(problem(() => resolveSimulateCredentials(centra, { CENTRA_PASSWORD: 'abc' }, undefined, () => ({})))).toContain('(CENTRA_PASSWORD) has 3 characters');
  });
});
