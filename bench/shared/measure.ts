import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RSS_HOOK = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));

/** One timed subprocess: wall time, CPU time, peak RSS, exit status and output. */
export interface Measured {
  readonly ms: number;
  /** User + system CPU time of the child's main process (NaN when it died before its exit hook). */
  readonly cpuMs: number;
  readonly rssBytes: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run `node [args]` in `cwd` and measure it from spawn to exit. Asynchronous, so servers in this process
 * (the simulators Newman talks to) keep answering while the child runs.
 */
export async function measureNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-bench-'));
  const rssFile = join(dir, 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', RSS_HOOK, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', BENCH_RSS_FILE: rssFile, ...env } });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const ms = performance.now() - started;
  let rssBytes = 0;
  let cpuMs = Number.NaN;
  try {
    const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ');
    rssBytes = Number(rss);
    cpuMs = Number(cpu);
  } catch {
    // The child died before its exit hook: no figure.
  }
  rmSync(dir, { recursive: true, force: true });
  return { ms, cpuMs, rssBytes, status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
}

/** The median of samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
