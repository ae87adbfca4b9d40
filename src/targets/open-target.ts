import type { Contract, LoadedContract } from '../types/contract.ts';
import type { Target } from '../types/target.ts';
import { readCredentialsFile, type CredentialsFile } from '../credentials/read-credentials-file.ts';
import { resolveLiveAccess, resolveSimulateCredentials, type Env } from '../credentials/resolve-access.ts';
import { secretValues } from '../credentials/secret-values.ts';
import { createLiveTarget } from './live.ts';
import type { Seed } from './simulate/load-seed.ts';
import { startSimulators } from './simulate/start-simulators.ts';
import { testCredentials } from './simulate/test-credentials.ts';
import type { RecordingCache } from '../recording/recording-cache.ts';

/** Where a live-path command sends and with what limits. */
export interface OpenTargetOptions {
  readonly target: 'live' | 'simulate';
  readonly contracts: readonly LoadedContract[];
  readonly env: Env;
  readonly credentialsFile?: string;
  /** Recordings the simulators answer from (simulate only). */
  readonly recordingsDir: string;
  readonly seed: Seed;
  readonly timeoutMs?: number;
  readonly runTimeoutMs?: number;
  /** @default 4 */
  readonly concurrency?: number;
  /** Simulate: the simulators refuse the departures the vendors' stacks accept. @default false */
  readonly strict?: boolean;
  /** Simulate: the run's recording cache, so the simulators and the run's cases read each recording once. */
  readonly recordings?: RecordingCache;
}

/** A target ready to send, the credentials for each contract, and every secret value in play. */
export interface OpenedTarget {
  readonly target: Target;
  readonly credentials: (contract: Contract) => Readonly<Record<string, string>>;
  /** Secret credential values, for redaction and the leak guard. Never printed. */
  readonly secrets: readonly string[];
}

/**
 * Open the live target (base URLs and credentials from the environment or a credentials file) or
 * the simulate target (loopback simulators started in this process, their test credentials unless
 * the environment or file sets others). Both send with the same HTTP client and limits.
 * @throws SuiteError for missing variables or a refused credentials file
 */
export async function openTarget(options: OpenTargetOptions): Promise<OpenedTarget> {
  const file: CredentialsFile | undefined = options.credentialsFile === undefined ? undefined : await readCredentialsFile(options.credentialsFile);
  const contracts = options.contracts.map((l) => l.contract);
  const limits = {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.runTimeoutMs === undefined ? {} : { runTimeoutMs: options.runTimeoutMs }),
    concurrency: options.concurrency ?? 4,
  };
  if (options.target === 'live') {
    const access = resolveLiveAccess(contracts, options.env, file);
    return opened(createLiveTarget({ name: 'live', baseUrls: access.baseUrls, ...limits }), access.credentials, contracts);
  }
  const credentials = resolveSimulateCredentials(contracts, options.env, file, testCredentials);
  const sims = await startSimulators({ contracts: options.contracts, recordingsDir: options.recordingsDir, seed: options.seed, strict: options.strict === true, ...(options.recordings === undefined ? {} : { recordings: options.recordings }) });
  // A simulator's rate limit always says Retry-After, and is honoured; a 429 without one is a scripted recorded
  // answer (InvoiceXpress's rate-limited case), after which the simulator accepts the next request at once.
  return opened(createLiveTarget({ name: 'simulate', baseUrls: sims.baseUrls, ...limits, unannouncedRetryAfterMs: 0, onClose: sims.close }), credentials, contracts);
}

function opened(target: Target, credentials: Readonly<Record<string, Readonly<Record<string, string>>>>, contracts: readonly Contract[]): OpenedTarget {
  const secrets = [...new Set(contracts.flatMap((c) => secretValues(c, credentials[c.id] ?? {})))].sort((a, b) => b.length - a.length);
  return { target, credentials: (contract) => credentials[contract.id] ?? {}, secrets };
}
