import type { LoadedContract } from '../../types/contract.ts';
import { SuiteError } from '../../errors.ts';
import { openTarget, type OpenedTarget } from '../../targets/open-target.ts';
import { loadSeed } from '../../targets/simulate/load-seed.ts';
import type { RecordingCache } from '../../recording/recording-cache.ts';

/** Flags shared by the commands that send to live vendors or the simulators (run, probe, record). */
export interface LiveFlags {
  readonly target: string;
  readonly credentials?: string;
  readonly timeout: number;
  readonly runTimeout: number;
  readonly seed?: string;
  /** Simulators refuse what the vendor's stack accepts but the doc does not allow. */
  readonly strict?: boolean;
}

/** Open the live or simulate target for the given contracts, from the flags and the environment. */
export async function openFromFlags(flags: LiveFlags, contracts: readonly LoadedContract[], recordingsDir: string, recordings?: RecordingCache): Promise<OpenedTarget> {
  if (flags.target !== 'live' && flags.target !== 'simulate') {
    throw new SuiteError('USAGE', `Unknown --target "${flags.target}". Available: live, simulate.`);
  }
  return openTarget({
    target: flags.target,
    contracts,
    env: process.env,
    ...(flags.credentials === undefined ? {} : { credentialsFile: flags.credentials }),
    recordingsDir,
    seed: await loadSeed(flags.seed),
    timeoutMs: flags.timeout,
    runTimeoutMs: flags.runTimeout,
    strict: flags.strict === true,
    ...(recordings === undefined ? {} : { recordings }),
  });
}
