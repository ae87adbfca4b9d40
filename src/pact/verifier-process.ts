import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { jobLogs, type JobLogs } from './job-logs.ts';
import type { VerifyJob, VerifyOutcome, VerifyRequest } from './verify-job.ts';

// From the package root, not this module: the prebuilt bundle lives elsewhere than the sources.
const CHILD = join(PACKAGE_ROOT, 'src', 'pact', 'verify-child.js');

/** The verifier's outcome and everything it printed during the job (ANSI colours removed), not yet scanned. */
export interface VerifierRun {
  readonly outcome: VerifyOutcome;
  readonly log: string;
}

/** One verifier child process, which runs jobs one at a time until it is closed or dies. */
export interface VerifierProcess {
  /**
   * Run one job (the previous one must have finished). The child is killed when the job has not
   * finished within `deadlineMs`; a job the child dies in (or is killed in) is reported as crashed.
   */
  run(job: VerifyJob, deadlineMs: number): Promise<VerifierRun>;
  /** False once the child has exited: it takes no more jobs. */
  alive(): boolean;
  /** Let the child end (it exits when disconnected), and wait until it has. */
  close(): Promise<void>;
}

interface Running {
  readonly index: number;
  readonly deadlineMs: number;
  readonly resolve: (run: VerifierRun) => void;
  readonly timer: NodeJS.Timeout;
  outcome?: VerifyOutcome;
  timedOut: boolean;
}

/**
 * Start a verifier child. Its stdout and stderr are collected (never shown), cut into one log per
 * job at the boundary the child writes after each job (see job-logs.ts); a job is done when its
 * outcome has arrived over IPC and both streams have carried its boundary.
 */
export function startVerifierProcess(): VerifierProcess {
  const child = fork(CHILD, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, NO_COLOR: '1' } });
  const marker = `[conformance pact verify: end of job ${randomUUID()}]`;
  const logs = jobLogs(marker);
  // Resolved once the child is gone, or never started. On 'exit', not 'close': after the parent
  // disconnects, Node 20 emits no 'close' (the jobs' logs are complete by then anyway).
  const gone = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  let jobs = 0;
  let running: Running | undefined;
  let exited = false;
  const settle = (outcome: VerifyOutcome): void => {
    if (running === undefined) return;
    const { index, resolve, timer } = running;
    clearTimeout(timer);
    running = undefined;
    resolve({ outcome, log: logs.take(index) });
  };
  const maybeDone = (): void => {
    if (running?.outcome !== undefined && logs.finished() > running.index) settle(running.outcome);
  };
  child.stdout?.on('data', (chunk: Buffer) => (logs.push('stdout', chunk), maybeDone()));
  child.stderr?.on('data', (chunk: Buffer) => (logs.push('stderr', chunk), maybeDone()));
  child.on('message', (outcome: VerifyOutcome) => {
    if (running === undefined || running.outcome !== undefined) return;
    running.outcome = outcome;
    maybeDone();
  });
  child.on('error', (error) => {
    exited = true;
    settle({ kind: 'crashed', message: `the verifier process could not run: ${error.message}`, stateProblems: [] });
  });
  child.on('close', (code, signal) => {
    exited = true;
    logs.end();
    if (running !== undefined) settle(running.outcome ?? { kind: 'crashed', message: whyGone(running, code, signal), stateProblems: [] });
  });
  return {
    run: (job, deadlineMs) =>
      new Promise<VerifierRun>((resolve) => {
        if (running !== undefined) throw new Error('verifier child: a job is already running');
        if (exited) return resolve({ outcome: { kind: 'crashed', message: 'the verifier process had already exited', stateProblems: [] }, log: '' });
        const timer = setTimeout(() => killAfterDeadline(child, running), deadlineMs);
        running = { index: jobs, deadlineMs, resolve, timer, timedOut: false };
        jobs += 1;
        const request: VerifyRequest = { job, marker };
        child.send(request);
      }),
    alive: () => !exited,
    close: () => {
      if (child.connected) child.disconnect();
      return gone;
    },
  };
}

function killAfterDeadline(child: ChildProcess, running: Running | undefined): void {
  if (running === undefined) return;
  running.timedOut = true;
  child.kill('SIGKILL');
}

function whyGone(running: Running, code: number | null, signal: NodeJS.Signals | null): string {
  if (running.timedOut) return `the verifier did not finish within ${running.deadlineMs} ms`;
  return `the verifier process exited (${signal ?? code ?? 'unknown'}) without a result`;
}
