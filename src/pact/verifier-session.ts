import { startVerifierProcess, type VerifierProcess, type VerifierRun } from './verifier-process.ts';
import type { VerifyJob } from './verify-job.ts';

/** Runs verifier jobs one after another, in as few child processes as it can. */
export interface VerifierSession {
  /** Run one job (after the previous one has finished); killed when not done within the session's deadline. */
  run(job: VerifyJob): Promise<VerifierRun>;
  /** End the child, if one is running. */
  close(): Promise<void>;
}

/**
 * A session of one `pact verify`: its jobs share one verifier child (started at the first job),
 * so the Pact library and its native core load once, not once per pact file. Each job still has
 * its own deadline (`deadlineMs`) and its own log. A job the child dies in, or is killed in at
 * its deadline, is reported as crashed; the jobs after it run in a fresh child.
 */
export function verifierSession(deadlineMs: number, start: () => VerifierProcess = startVerifierProcess): VerifierSession {
  let current: VerifierProcess | undefined;
  return {
    run: async (job) => {
      // A child that went before it had started the job (it crashed between jobs) never ran it:
      // the job then runs in a fresh child. A fresh child that goes before starting it is a crash.
      for (let attempt = 1; ; attempt += 1) {
        if (current === undefined || !current.alive()) current = start();
        const run = await current.run(job, deadlineMs);
        if (run !== undefined) return run;
        if (attempt === 2) return { outcome: { kind: 'crashed', message: 'the verifier process exited before it started the job', stateProblems: [] }, log: '' };
      }
    },
    close: async () => {
      await current?.close();
      current = undefined;
    },
  };
}
