import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { REPO_ROOT, repoPath } from './paths.ts';

/** What one CLI invocation produced. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Kill the process and fail when it has not exited by then. @default 20000 */
  readonly timeoutMs?: number;
  /** Extra environment variables (e.g. base URLs and credentials for live runs). */
  readonly env?: Readonly<Record<string, string>>;
}

const BIN = repoPath('src/cli/bin.js');

// Each CLI start costs about a second of CPU; concurrent tests queue here so that no more
// processes run at once than there are cores (more would only add scheduling overhead).
const MAX_RUNNING = Math.max(1, availableParallelism());
let running = 0;
const queue: (() => void)[] = [];

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    queue.shift()?.();
  }
}

/**
 * Run `node src/cli/bin.js ...args` from the repository root as a subprocess, with NO_COLOR=1,
 * and resolve its exit code and output. A process that hangs is killed and the promise rejects.
 */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  return withSlot(() => spawnCli(args, options.timeoutMs ?? 20_000, options.env ?? {}));
}

function spawnCli(args: readonly string[], timeoutMs: number, extraEnv: Readonly<Record<string, string>>): Promise<CliResult> {
  const { FORCE_COLOR: _forced, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...env, ...extraEnv, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`conformance ${args.join(' ')} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === null) reject(new Error(`conformance ${args.join(' ')} was killed by ${String(signal)}\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

/** True when the text holds a JavaScript stack trace (a line starting with four spaces and "at "). */
export function hasStackTrace(text: string): boolean {
  return /^ {4}at /m.test(text);
}

/**
 * Timeout for tests in a `describe.concurrent` block of CLI runs: a test may wait in the queue
 * above for a free core before its own run starts (each run still has its own kill timeout).
 */
export const QUEUED_TEST_TIMEOUT_MS = 60_000;
