/**
 * Benchmark of the offline conformance run (the README's first quick-start line).
 * Prints figures; asserts nothing. Run: npm run bench
 *
 * - cold: `node src/cli/bin.js run` as a subprocess, wall time from spawn to exit (what a user feels);
 * - warm: the same run in this process after a first one (engine cost without Node/tsx start-up).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env['BENCH_RUNS'] ?? 5);

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${median.toFixed(0)} ms, min ${(sorted[0] ?? 0).toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms (${samples.length} runs)`;
}

const cold: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['src/cli/bin.js', 'run', '--reporter', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  cold.push(performance.now() - started);
  if (child.status !== 0) throw new Error(`run exited ${String(child.status)}: ${child.stderr}`);
}

const sink = { write: () => true };
const io = { stdout: sink, stderr: sink, color: false, setExitCode: () => undefined };
await main(['run', '--reporter', 'json'], io);
const warm: number[] = [];
let peakRss = 0;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  await main(['run', '--reporter', 'json'], io);
  warm.push(performance.now() - started);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

console.log(`offline run, cold (subprocess, all 5 contracts): ${stats(cold)}`);
console.log(`offline run, warm (in-process):                  ${stats(warm)}`);
console.log(`peak RSS of the in-process runs:                 ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
