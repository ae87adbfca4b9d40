import { decideColor } from '../../src/cli/color.ts';
import { main } from '../../src/cli/main.ts';
import { REPO_ROOT } from './paths.ts';
import type { CliResult, RunCliOptions } from './run-cli.ts';

/** Options of {@link runCommand}: those of `runCli` (the timeout bounds the call, the env is set while it runs). */
export type RunCommandOptions = RunCliOptions;

// One command at a time per test worker: replay installs msw's interceptors on this process's fetch,
// and the environment variables of a call are this process's own while it runs.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `conformance ...args` in this process: the CLI's own entry (`main` of src/cli/main.ts, which
 * `src/cli/bin.js` calls) with the same arguments, as `runCli` runs it from the repository root with
 * NO_COLOR=1 and stdout and stderr piped (not a terminal). Use it where a test checks what a command
 * does; keep `runCli` (a real subprocess of the bin) where it checks the process boundary.
 */
export function runCommand(args: readonly string[], options: RunCommandOptions = {}): Promise<CliResult> {
  const next = queue.then(() => callMain(args, options.timeoutMs ?? 20_000, options.env ?? {}));
  queue = next.catch(() => undefined);
  return next;
}

async function callMain(args: readonly string[], timeoutMs: number, extraEnv: Readonly<Record<string, string>>): Promise<CliResult> {
  if (process.cwd() !== REPO_ROOT.replace(/\/$/, '')) throw new Error(`runCommand runs the CLI from the repository root; vitest runs in ${process.cwd()}`);
  let stdout = '';
  let stderr = '';
  const env: Record<string, string | undefined> = { ...extraEnv, NO_COLOR: '1', FORCE_COLOR: undefined };
  const color = decideColor({ argv: args, env: { ...process.env, ...env }, detected: false });
  const io = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    color,
    tty: false,
    setExitCode: () => undefined,
  };
  const restore = setEnv(env);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`conformance ${args.join(' ')} did not finish within ${timeoutMs} ms (in-process)`)), timeoutMs);
    });
    const code = await Promise.race([main(args, io), timeout]);
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
    restore();
  }
}

/** Set (or, for `undefined`, delete) environment variables; returns the function that puts the old values back. */
function setEnv(vars: Readonly<Record<string, string | undefined>>): () => void {
  const saved = Object.keys(vars).map((name) => [name, process.env[name]] as const);
  for (const [name, value] of Object.entries(vars)) assign(name, value);
  return () => {
    for (const [name, value] of saved) assign(name, value);
  };
}

function assign(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
