/**
 * The audit benchmark's pairs and measurement, shared by `npm run bench:audit` (bench/audit.bench.ts)
 * and the audit rows of `npm run bench` (bench/run.bench.ts).
 *
 * {@link generateAuditPairs} writes N synthetic baseline recordings and N current ones (copies of
 * shipped recordings under varied case names; every current body is re-indented or re-serialized, so
 * each pair goes through the full parse and diff, and every 50th answers HTTP 503, so there is drift
 * to report). {@link measureAuditInChild} audits them in a fresh child process (this file, run with
 * `--measure`) that samples the live heap after forced garbage collections and reads the peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { auditPairs } from '../../src/audit/audit-pairs.ts';
import { collectAudit } from '../../src/audit/collect-audit.ts';
import type { PairResult } from '../../src/audit/pair-result.ts';
import { loadAllContracts } from '../../src/cli/load-contracts.ts';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../../src/cli/paths.ts';
import type { Har } from '../../src/recording/har.ts';
import type { Contract } from '../../src/types/contract.ts';
import { DRIFT_RULES } from '../../suites/audit/index.ts';

const TEMPLATES = ['centra/invoices_Update/update-failed', 'crmcom/invoices_update/update-example-1', 'ebizcharge/UpdateInvoice/update-ok', 'opsplanning/UpdateInvoicePaymentStatus/mark-paid'];
const GC_EVERY = 200;
/** Target of the speed issue: under 0.7 ms per pair, with memory that does not grow with N. */
export const TARGET_MS_PER_PAIR = 0.7;

/** `engine`: the streamed pairs are only counted; `summary`: they are collected as `conformance audit` does. */
export type Mode = 'engine' | 'summary';

export interface AuditMeasured {
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


if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--measure') {
  const [, , , n, mode, baseline, current] = process.argv;
  process.stdout.write(`${JSON.stringify(await measure(Number(n), mode === 'engine' ? 'engine' : 'summary', baseline ?? '', current ?? ''))}\n`);
}

/** Run the measurement in a fresh process so RSS and heap start from the same point for every N. */
export function measureAuditInChild(n: number, mode: Mode, baseline: string, current: string): AuditMeasured {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', self, '--measure', String(n), mode, baseline, current], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`measuring N=${n} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as AuditMeasured;
}

async function measure(n: number, mode: Mode, baseline: string, current: string): Promise<AuditMeasured> {
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

/** Write `n` baseline and `n` current recordings (see the file's comment). */
export async function generateAuditPairs(n: number, baseline: string, current: string): Promise<void> {
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

