import { fork } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { VerifyJob, VerifyOutcome } from './verify-job.ts';

// From the package root, not this module: the prebuilt bundle lives elsewhere than the sources.
const CHILD = join(PACKAGE_ROOT, 'src', 'pact', 'verify-child.js');

/** Most verifier output kept (the rest is dropped, and the log says so). */
const MAX_LOG_BYTES = 1024 * 1024;

/** The verifier's outcome and everything it printed (ANSI colours removed), not yet scanned. */
export interface VerifierRun {
  readonly outcome: VerifyOutcome;
  readonly log: string;
}

/**
 * Run the Pact verifier for one job in a child process, so its native report never reaches the
 * CLI's stdout; its stdout and stderr are collected as the log. The child is killed after
 * `deadlineMs`.
 */
export function runVerifier(job: VerifyJob, deadlineMs: number): Promise<VerifierRun> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, NO_COLOR: '1' } });
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Buffer): void => {
      if (size < MAX_LOG_BYTES) chunks.push(chunk);
      size += chunk.length;
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let outcome: VerifyOutcome | undefined;
    child.on('message', (message: VerifyOutcome) => (outcome = message));
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const truncated = size > MAX_LOG_BYTES ? `\n[verifier output truncated at ${MAX_LOG_BYTES} bytes]\n` : '';
      const log = Buffer.concat(chunks).toString('utf8').replace(/\u001b\[[0-9;]*m/g, '') + truncated;
      const why = signal === 'SIGKILL' ? `the verifier did not finish within ${deadlineMs} ms` : `the verifier process exited (${signal ?? code ?? 'unknown'}) without a result`;
      resolve({ outcome: outcome ?? { kind: 'crashed', message: why, stateProblems: [] }, log });
    });
    child.send(job);
  });
}
