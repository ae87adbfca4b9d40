/**
 * Audit memory and time at scale: `npm run bench:audit` (or `node --import tsx bench/audit.bench.ts [N...]`).
 *
 * For each N (default 1,000 and 10,000) it writes N synthetic baseline recordings and N current
 * ones into a temp folder (copies of shipped recordings under varied case names; every current
 * body is re-indented or re-serialized, so each pair goes through the full parse and diff, and
 * every 50th answers HTTP 503, so there is drift to report), then audits them in a fresh child
 * process that samples the live heap after forced garbage collections and reads the peak RSS.
 * Memory that does not grow with N shows that pairs are streamed, not held.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { auditPairs } from '../src/audit/audit-pairs.ts';
import { collectAudit } from '../src/audit/collect-audit.ts';
import type { PairResult } from '../src/audit/pair-result.ts';
import { loadAllContracts } from '../src/cli/load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../src/cli/paths.ts';
import type { Har } from '../src/recording/har.ts';
import type { Contract } from '../src/types/contract.ts';
import { DRIFT_RULES } from '../suites/audit/index.ts';

const TEMPLATES = ['centra/invoices_Update/update-failed', 'crmcom/invoices_update/update-example-1', 'ebizcharge/UpdateInvoice/update-ok', 'opsplanning/UpdateInvoicePaymentStatus/mark-paid'];
const GC_EVERY = 200;
/** Target of the speed issue: under 0.7 ms per pair, with memory that does not grow with N. */
const TARGET_MS_PER_PAIR = 0.7;

/** `engine`: the streamed pairs are only counted; `summary`: they are collected as `conformance audit` does. */
type Mode = 'engine' | 'summary';

interface Measured {
  readonly n: number;
  readonly mode: Mode;
  readonly pairs: number;
  readonly changes: number;
  readonly ms: number;
  /** CPU time (user + system) of the audit itself: on a shared machine wall time also counts other processes. */
  readonly cpuMs: number;
  readonly liveHeapMB: number;
  readonly firstLiveHeapMB: number;
  readonly peakRssMB: number;
}

if (process.argv[2] === '--measure') {
  const [, , , n, mode, baseline, current] = process.argv;
  process.stdout.write(`${JSON.stringify(await measure(Number(n), mode === 'engine' ? 'engine' : 'summary', baseline ?? '', current ?? ''))}\n`);
} else {
  await main(process.argv.slice(2).map(Number).filter((n) => n > 0));
}

async function main(sizes: number[]): Promise<void> {
  const ns = sizes.length > 0 ? sizes : [1_000, 10_000];
  const root = await mkdtemp(join(tmpdir(), 'audit-bench-'));
  try {
    const rows: Measured[] = [];
    for (const n of ns) {
      const baseline = join(root, `${n}`, 'baseline');
      const current = join(root, `${n}`, 'current');
      await generate(n, baseline, current);
      rows.push(child(n, 'engine', baseline, current), child(n, 'summary', baseline, current));
      await rm(join(root, `${n}`), { recursive: true, force: true });
    }
    print(rows);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Run the measurement in a fresh process so RSS and heap start from the same point for every N. */
function child(n: number, mode: Mode, baseline: string, current: string): Measured {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', self, '--measure', String(n), mode, baseline, current], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`measuring N=${n} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Measured;
}

async function measure(n: number, mode: Mode, baseline: string, current: string): Promise<Measured> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const contracts = new Map<string, Contract>((await loadAllContracts([DEFAULT_CONTRACTS])).map((l) => [l.contract.id, l.contract]));
  const samples: number[] = [];
  let gcWallMs = 0;
  let gcCpuMs = 0;
  async function* sampled(source: AsyncIterable<PairResult>): AsyncGenerator<PairResult> {
    let i = 0;
    for await (const r of source) {
      if (++i % GC_EVERY === 0) {
        // The forced collection is the bench's own cost (to read the live heap): not counted as audit time.
        const wall = performance.now();
        const cpuBefore = process.cpuUsage();
        gc();
        samples.push(process.memoryUsage().heapUsed);
        const spent = process.cpuUsage(cpuBefore);
        gcWallMs += performance.now() - wall;
        gcCpuMs += (spent.user + spent.system) / 1000;
      }
      yield r;
    }
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  const pairs = sampled(auditPairs({ baseline, current, contracts, rules: DRIFT_RULES }));
  const { count, changes } = mode === 'engine' ? await countOnly(pairs) : await summarize(pairs, baseline, current, started);
  const used = process.cpuUsage(cpu);
  const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
  return {
    n,
    mode,
    pairs: count,
    changes,
    ms: Math.round(performance.now() - started - gcWallMs),
    cpuMs: Math.round((used.user + used.system) / 1000 - gcCpuMs),
    liveHeapMB: mb(samples.reduce((a, b) => Math.max(a, b), 0)),
    firstLiveHeapMB: mb(samples[0] ?? 0),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  };
}

async function countOnly(pairs: AsyncIterable<PairResult>): Promise<{ count: number; changes: number }> {
  let count = 0;
  let changes = 0;
  for await (const r of pairs) {
    count++;
    changes += r.changes.length;
  }
  return { count, changes };
}

async function summarize(pairs: AsyncIterable<PairResult>, baseline: string, current: string, started: number): Promise<{ count: number; changes: number }> {
  const meta = { tool: { name: 'bench', version: '0' }, baseline, current, failOn: 'breaking' as const, startedAt: new Date().toISOString(), elapsedMs: () => performance.now() - started };
  const summary = await collectAudit(pairs, meta);
  return { count: summary.totals.pairs, changes: summary.changes.length };
}

async function generate(n: number, baseline: string, current: string): Promise<void> {
  const templates = await Promise.all(TEMPLATES.map(async (t) => JSON.parse(await readFile(join(DEFAULT_RECORDINGS, `${t}.har`), 'utf8')) as Har));
  for (let i = 0; i < n; i++) {
    const index = i % templates.length;
    const template = templates[index];
    const path = TEMPLATES[index];
    if (template === undefined || path === undefined) continue;
    const name = `${path.split('/').at(-1) ?? 'case'}-${String(i).padStart(6, '0')}`;
    const dir = path.split('/').slice(0, 2).join('/');
    await write(join(baseline, dir, `${name}.har`), variantOf(template, name, 'same'));
    await write(join(current, dir, `${name}.har`), variantOf(template, name, i % 50 === 49 ? 'drift' : 'reformatted'));
  }
}

/** The template as case `name`; `reformatted` changes only whitespace, `drift` answers HTTP 503. */
function variantOf(har: Har, name: string, how: 'same' | 'reformatted' | 'drift'): Har {
  const [entry] = har.log.entries;
  if (entry === undefined) return har;
  const text = entry.response.content.text ?? '';
  const body = how === 'same' ? text : /^\s*[[{]/.test(text) ? JSON.stringify(JSON.parse(text)) : text.replace(/>\s*</g, '>\n    <');
  const status = how === 'drift' ? 503 : entry.response.status;
  const response = { ...entry.response, status, content: { ...entry.response.content, text: body } };
  return { log: { ...har.log, entries: [{ ...entry, _case: name, response }] } };
}

async function write(file: string, har: Har): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, `${JSON.stringify(har, null, 2)}\n`);
}

function print(rows: readonly Measured[]): void {
  console.log('conformance audit: streaming benchmark (live heap sampled after a forced GC every 200 pairs; the forced GCs are not counted in the times)');
  console.log('engine: pairs streamed and counted; summary: collected into the report summary, as `conformance audit` does');
  console.log(`target: under ${TARGET_MS_PER_PAIR} ms per pair (wall; CPU shown beside it, since other processes share the machine), flat memory from 1k to 10k pairs`);
  console.log('');
  console.log('       N  mode        pairs  changes      time   wall/pair    cpu/pair   target   live heap (first → peak)   peak RSS');
  for (const r of rows) {
    const perPair = (ms: number): string => `${(ms / r.pairs).toFixed(3)} ms`;
    const met = r.ms / r.pairs < TARGET_MS_PER_PAIR ? 'met' : r.cpuMs / r.pairs < TARGET_MS_PER_PAIR ? 'cpu met' : 'missed';
    console.log(
      `${String(r.n).padStart(8)}  ${r.mode.padEnd(8)} ${String(r.pairs).padStart(8)} ${String(r.changes).padStart(8)} ${`${(r.ms / 1000).toFixed(2)} s`.padStart(9)} ${perPair(r.ms).padStart(11)} ${perPair(r.cpuMs).padStart(11)} ${`${TARGET_MS_PER_PAIR} ${met}`.padStart(12)}   ${`${r.firstLiveHeapMB} MB → ${r.liveHeapMB} MB`.padStart(24)} ${`${r.peakRssMB} MB`.padStart(10)}`,
    );
  }
}
