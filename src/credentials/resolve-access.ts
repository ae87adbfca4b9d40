import { SuiteError } from '../errors.ts';
import type { Contract } from '../types/contract.ts';
import type { CredentialsFile } from './read-credentials-file.ts';
import { assertSecretsLongEnough } from './check-secret-length.ts';
import { requiredCredentials } from './required-credentials.ts';

/** The process environment, or a stand-in. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Where each contract's requests go and with which credentials (values never printed). */
export interface Access {
  /** Base URL per contract id. */
  readonly baseUrls: Readonly<Record<string, string>>;
  /** Credential values per contract id, by declared credential name. */
  readonly credentials: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * Base URLs and credentials for a live run: from the credentials file when given (it wins), else
 * from each contract's `transport.baseUrlEnv` and credentials' `env`. Anything missing is one
 * usage error that names every variable to set, never a value.
 * @throws SuiteError `CREDENTIALS_INVALID`
 */
export function resolveLiveAccess(contracts: readonly Contract[], env: Env, file: CredentialsFile | undefined): Access {
  const baseUrls: Record<string, string> = {};
  const credentials: Record<string, Record<string, string>> = {};
  const missing: string[] = [];
  for (const contract of contracts) {
    const fromFile = file?.[contract.vendor] ?? {};
    const baseUrl = nonEmpty(fromFile['baseUrl']) ?? nonEmpty(env[contract.transport.baseUrlEnv]);
    const absent = baseUrl === undefined ? [contract.transport.baseUrlEnv] : [];
    if (baseUrl !== undefined) baseUrls[contract.id] = checkBaseUrl(contract, baseUrl);
    const values: Record<string, string> = {};
    for (const [name, spec] of Object.entries(contract.credentials)) {
      const value = nonEmpty(fromFile[name]) ?? nonEmpty(env[spec.env]);
      if (value !== undefined) values[name] = value;
    }
    absent.push(...requiredCredentials(contract).filter((n) => values[n] === undefined).map((n) => contract.credentials[n]?.env ?? n));
    if (absent.length > 0) missing.push(`${contract.id}: ${absent.join(', ')}`);
    credentials[contract.id] = values;
  }
  if (missing.length > 0) {
    throw new SuiteError('CREDENTIALS_INVALID', 'Missing base URL or credentials for a live run. Set these environment variables (or give them in --credentials FILE):', { details: missing });
  }
  assertSecretsLongEnough(contracts, credentials);
  return { baseUrls, credentials };
}

/**
 * Credentials for the simulators: the file's or the environment's value when set, else the
 * simulator's documented test credential (so a wrong value in the environment is noticed).
 */
export function resolveSimulateCredentials(contracts: readonly Contract[], env: Env, file: CredentialsFile | undefined, test: (contract: Contract) => Readonly<Record<string, string>>): Access['credentials'] {
  const out: Record<string, Record<string, string>> = {};
  for (const contract of contracts) {
    const fromFile = file?.[contract.vendor] ?? {};
    const defaults = test(contract);
    out[contract.id] = Object.fromEntries(
      Object.entries(contract.credentials).map(([name, spec]) => [name, nonEmpty(fromFile[name]) ?? nonEmpty(env[spec.env]) ?? defaults[name] ?? '']),
    );
  }
  assertSecretsLongEnough(contracts, out);
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function checkBaseUrl(contract: Contract, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SuiteError('CREDENTIALS_INVALID', `${contract.transport.baseUrlEnv} (base URL of ${contract.id}) is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SuiteError('CREDENTIALS_INVALID', `${contract.transport.baseUrlEnv} (base URL of ${contract.id}) must be an http:// or https:// URL.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new SuiteError('CREDENTIALS_INVALID', `${contract.transport.baseUrlEnv} (base URL of ${contract.id}) must not carry a user name or password; use the contract's credential variables.`);
  }
  if (url.search !== '') {
    throw new SuiteError('CREDENTIALS_INVALID', `${contract.transport.baseUrlEnv} (base URL of ${contract.id}) must not have a query string.`);
  }
  return value.replace(/\/+$/, '');
}
