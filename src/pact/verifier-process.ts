import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleIsFresh } from '../entry/bundle-is-fresh.js';
import { PACKAGE_ROOT } from '../package-root.ts';
import { jobLogs, type JobLogs } from './job-logs.ts';
import type { ChildMessage, VerifyJob, VerifyOutcome, VerifyRequest } from './verify-job.ts';

/** The verifier child as the build bundles it, relative to the package root. */
const BUNDLED_CHILD = 'dist/cli/verify-child.cjs';

/**
 * The file the verifier child starts from, under the package root `root`: the bundled child when the bundle is
 * fresh, by the same rules as src/cli/bin.js (present, no source it was built from changed, no
 * CONFORMANCE_FROM_SOURCE=1), else the TypeScript sources through tsx (src/pact/verify-child.js registers it).
 */
export function verifierChildEntry(root: string = PACKAGE_ROOT): string {
  return bundleIsFresh(pathToFileURL(join(root, '/')), 'dist/cli/manifest.json', [BUNDLED_CHILD]) ? join(root, BUNDLED_CHILD) : join(root, 'src', 'pact', 'verify-child.js');
}

/** Decided once per process (it reads the bundle's manifest and stats every source it lists). */
let childEntry: string | undefined;

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
   * Undefined when the child went before it had started the job (the job never ran).
   */
  run(job: VerifyJob, deadlineMs: number): Promise<VerifierRun | undefined>;
  /** The child's process id (undefined when it could not be started). */
  readonly pid: number | undefined;
  /** False once the child has exited or reported a crash: it takes no more jobs. */
  alive(): boolean;
  /** Let the child end (it exits when disconnected), and wait until it has. */
  close(): Promise<void>;
}

/**
 * How long a child may take to take up a job (to load, for a fresh child: seconds on a loaded machine)
 * before the job's own deadline starts, which counts from the child's `started` message.
 */
export const CHILD_START_MS = 30_000;

interface Running {
  readonly index: number;
  readonly deadlineMs: number;
  readonly resolve: (run: VerifierRun | undefined) => void;
  timer: NodeJS.Timeout;
  outcome?: VerifyOutcome;
  started: boolean;
  timedOut: boolean;
}

/**
 * Start a verifier child. Its stdout and stderr are collected (never shown), cut into one log per
 * job at the boundary the child writes after each job (see job-logs.ts); a job is done when its
 * outcome has arrived over IPC and both streams have carried its boundary. (One closure of about
 * 60 lines: the child's output, messages, exit and the deadline all drive the same job state.) `entry` is
 * the child's script: the verifier child (src/pact/verify-child.ts, bundled or not) unless a test names another.
 */
export function startVerifierProcess(entry: string = (childEntry ??= verifierChildEntry())): VerifierProcess {
  const child = fork(entry, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, NO_COLOR: '1' } });
  const marker = `[conformance pact verify: end of job ${randomUUID()}]`;
  const logs = jobLogs(marker);
  // Resolved once the child is gone, or never started. On 'exit', not 'close': after the parent
  // disconnects, Node 20 emits no 'close' (the jobs' logs are complete by then anyway).
  const ended = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  let jobs = 0;
  let running: Running | undefined;
  let exited = false;
  const settle = (run: VerifierRun | undefined): void => {
    if (running === undefined) return;
    const { resolve, timer } = running;
    clearTimeout(timer);
    running = undefined;
    resolve(run);
  };
  const maybeDone = (): void => {
    if (running?.outcome !== undefined && logs.finished() > running.index) settle({ outcome: running.outcome, log: logs.take(running.index) });
  };
  /** The child has gone: the job running ends with what it reported, or why it has no outcome. */
  const gone = (why: string): void => {
    exited = true;
    logs.end();
    if (running === undefined) return;
    const { index, started, timedOut, deadlineMs, outcome } = running;
    const log = logs.take(index);
    if (outcome !== undefined) settle({ outcome, log });
    else if (timedOut) settle({ outcome: crashed(started ? `the verifier did not finish within ${deadlineMs} ms` : `the verifier process did not take up the job within ${CHILD_START_MS} ms`), log });
    else settle(started ? { outcome: crashed(why), log } : undefined);
  };
  child.stdout?.on('data', (chunk: Buffer) => (logs.push('stdout', chunk), maybeDone()));
  child.stderr?.on('data', (chunk: Buffer) => (logs.push('stderr', chunk), maybeDone()));
  child.on('message', (message: ChildMessage) => {
    if (message.kind === 'crashed') exited = true;
    if (running === undefined || message.index !== running.index) return;
    if (message.kind === 'started') {
      running.started = true;
      // The deadline is the verification's own, not the child's start-up too.
      clearTimeout(running.timer);
      running.timer = setTimeout(() => killAfterDeadline(child, running), running.deadlineMs);
    }
    else if (running.outcome === undefined) running.outcome = message.outcome;
    maybeDone();
  });
  child.on('error', (error) => gone(`the verifier process could not run: ${error.message}`));
  child.on('close', (code, signal) => gone(`the verifier process exited (${signal ?? code ?? 'unknown'}) without a result`));
  return {
    run: (job, deadlineMs) =>
      new Promise<VerifierRun | undefined>((resolve) => {
        if (running !== undefined) throw new Error('verifier child: a job is already running');
        if (exited) return resolve(undefined);
        const timer = setTimeout(() => killAfterDeadline(child, running), CHILD_START_MS + deadlineMs);
        running = { index: jobs, deadlineMs, resolve, timer, started: false, timedOut: false };
        const request: VerifyRequest = { index: jobs, job, marker };
        jobs += 1;
        child.send(request);
      }),
    pid: child.pid,
    alive: () => !exited,
    close: () => {
      if (child.connected) child.disconnect();
      return ended;
    },
  };
}

function killAfterDeadline(child: ChildProcess, running: Running | undefined): void {
  if (running === undefined) return;
  running.timedOut = true;
  child.kill('SIGKILL');
}

function crashed(message: string): VerifyOutcome {
  return { kind: 'crashed', message, stateProblems: [] };
}
