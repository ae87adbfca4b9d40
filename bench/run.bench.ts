/**
 * The speed benchmark: one table, every figure beside its target, measured side by side in the same run.
 * Prints figures and writes out/bench.json (or BENCH_OUT); asserts nothing. Run: npm run bench
 * Each subprocess figure gives wall time and CPU time (user + system): on a machine shared with other
 * work, wall time also counts the others, so the targets for `run` and `check` are judged on CPU time.
 *   BENCH_RUNS=N      samples of the cold runs (default 5)
 *   BENCH_SCALES=a,b  case copies for the scaling rows (default 1,9,91: about 55, 500 and 5,000 exchanges)
 *   BENCH_NEWMAN=0    skip the Newman comparison
 *   BENCH_CHECK_ENTRIES=N  entries of the HARs `check` reads (default 10000): the synthetic copies' entries,
 *                          then the same entries with every answer distinct
 *   BENCH_AUDIT_PAIRS=a,b  pairs of the audit rows (default 1000,10000)
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadAllContracts } from '../src/cli/load-contracts.ts';
import { defaultSeed } from '../src/targets/simulate/load-seed.ts';
import { startSimulators } from '../src/targets/simulate/start-simulators.ts';
import { PACKAGE_ROOT } from '../src/package-root.ts';
import { measureNode, median, type Measured } from './shared/measure.ts';
import { collectBodies, rawFloor } from './shared/raw-floor.ts';
import { generateExchanges } from './synthetic/generate-exchanges.ts';
import { NEWMAN_ASSERTIONS_PER_REQUEST, newmanCollection } from './shared/newman-collection.ts';
import { writeCaptureHar } from './shared/capture-har.ts';
import { generateAuditPairs, measureAuditInChild, TARGET_MS_PER_PAIR, type AuditMeasured } from './shared/audit-measure.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const scales = (process.env['BENCH_SCALES'] ?? '1,9,91').split(',').map(Number);
const checkEntries = Number(process.env['BENCH_CHECK_ENTRIES'] ?? 10_000);
const auditPairs = (process.env['BENCH_AUDIT_PAIRS'] ?? '1000,10000').split(',').map(Number).filter((n) => n > 0);
/** `check` of a 10,000-entry HAR: under 5 s. */
const CHECK_TARGET_MS = 5_000;
/** The scaling row the 5,000-exchange targets apply to (the default scales give about 4,900: probe cases are not copied). */
const LARGE_EXCHANGES = 4_000;
/** Flat memory: the largest audit's peak RSS within this factor of the smallest's. */
const AUDIT_FLAT_RSS = 1.25;
const BIN = join(PACKAGE_ROOT, 'src/cli/bin.js');
const NEWMAN = join(PACKAGE_ROOT, 'node_modules/newman/bin/newman.js');

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly met?: boolean;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {};

function checksOf(m: Measured): number {
  const report = JSON.parse(m.stdout) as { totals: { passed: number; failed: number; skipped: number } };
  return report.totals.passed + report.totals.failed;
}

/** A run that ended in a usage error or a crash measured nothing: stop rather than print its time. */
function assertRan(m: Measured, what: string): void {
  if (m.status !== 0 && m.status !== 1) throw new Error(`${what} exited ${m.status}:\n${m.stderr.slice(0, 2000)}`);
}

/** Wall and CPU seconds of a subprocess. */
function seconds(m: Measured): string {
  return `${(m.ms / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU`;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

// 1. The cold offline run against `node -e 0`.
async function samples(args: readonly string[]): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await measureNode(args, PACKAGE_ROOT)).ms);
  return median(ms);
}
const nodeFloor = await samples(['-e', '0']);
const cold = await samples([BIN, 'run', '--reporter', 'json']);
results['cold'] = { runMs: cold, nodeMs: nodeFloor, ratio: cold / nodeFloor };
rows.push({ figure: 'cold offline run (median)', value: `${cold.toFixed(0)} ms = ${(cold / nodeFloor).toFixed(1)}× node -e 0 (${nodeFloor.toFixed(0)} ms)`, target: '≤ 6× (aim 4×)', met: cold / nodeFloor <= 6 });

// 2. run at scale against the raw floor.
const work = await mkdtemp(join(tmpdir(), 'conformance-bench-'));
const scaled: { exchanges: number; ms: number; cpuMs: number; dir: string }[] = [];
for (const copies of scales) {
  const dir = join(work, `x${copies}`);
  const exchanges = await generateExchanges(dir, copies);
  const m = await measureNode([BIN, 'run', '--contracts', join(dir, 'contracts'), '--recordings', join(dir, 'recordings'), '--reporter', 'json'], PACKAGE_ROOT);
  assertRan(m, `run of ${exchanges} exchanges`);
  const floor = rawFloor(await collectBodies(join(dir, 'recordings')));
  scaled.push({ exchanges, ms: m.ms, cpuMs: m.cpuMs, dir });
  results[`run${exchanges}`] = { exchanges, ms: m.ms, cpuMs: m.cpuMs, floorMs: floor.ms, floorCpuMs: floor.cpuMs, rssBytes: m.rssBytes, exchangesPerSecond: exchanges / (m.ms / 1000), exit: m.status };
  const ratio = m.cpuMs / floor.cpuMs;
  rows.push({
    figure: `run, ${exchanges} exchanges`,
    value: `${seconds(m)}, ${(exchanges / (m.cpuMs / 1000)).toFixed(0)} exchanges/CPU-s, ${mib(m.rssBytes)} peak, ${ratio.toFixed(1)}× raw floor (CPU ${floor.cpuMs.toFixed(0)} ms)`,
    target: exchanges >= LARGE_EXCHANGES ? '≤ 10× floor, < 300 MiB' : '',
    ...(exchanges >= LARGE_EXCHANGES ? { met: ratio <= 10 && m.rssBytes < 300 * 1024 * 1024 } : {}),
  });
}
const small = scaled.find((s) => s.exchanges >= 400 && s.exchanges < 1000);
const large = scaled.find((s) => s.exchanges >= LARGE_EXCHANGES);
if (small !== undefined && large !== undefined) {
  const growth = large.cpuMs / small.cpuMs;
  results['runGrowth'] = { from: small.exchanges, to: large.exchanges, cpuRatio: growth, wallRatio: large.ms / small.ms };
  rows.push({ figure: `time(${large.exchanges}) / time(${small.exchanges})`, value: `${growth.toFixed(1)} (CPU; wall ${(large.ms / small.ms).toFixed(1)})`, target: '≤ 8 (linear ≈ 6)', met: growth <= 8 });
}

// 3. Newman against run --target simulate, on the same ~500 exchanges.
if (process.env['BENCH_NEWMAN'] !== '0' && small !== undefined) {
  const contracts = await loadAllContracts([join(small.dir, 'contracts')]);
  const sims = await startSimulators({ contracts, recordingsDir: join(small.dir, 'recordings'), seed: defaultSeed() });
  const { collection, requests } = newmanCollection(contracts, sims.baseUrls);
  const file = join(work, 'collection.json');
  await writeFile(file, JSON.stringify(collection));
  const newman = await measureNode([NEWMAN, 'run', file, '--reporters', 'json', '--reporter-json-export', join(work, 'newman.json')], PACKAGE_ROOT);
  await sims.close();
  const suite = await measureNode([BIN, 'run', '--target', 'simulate', '--contracts', join(small.dir, 'contracts'), '--recordings', join(small.dir, 'recordings'), '--reporter', 'json'], PACKAGE_ROOT);
  assertRan(suite, 'run --target simulate');
  const newmanRate = (requests * NEWMAN_ASSERTIONS_PER_REQUEST) / (newman.ms / 1000);
  const suiteRate = checksOf(suite) / (suite.ms / 1000);
  // Beside the wall-clock ratio (the target), the same ratio per CPU second: on a shared machine wall time counts the others too.
  const cpuRatio = checksOf(suite) / suite.cpuMs / ((requests * NEWMAN_ASSERTIONS_PER_REQUEST) / newman.cpuMs);
  results['newman'] = { requests, newmanMs: newman.ms, newmanCpuMs: newman.cpuMs, newmanChecksPerSecond: newmanRate, suiteMs: suite.ms, suiteCpuMs: suite.cpuMs, suiteChecksPerSecond: suiteRate, ratio: suiteRate / newmanRate, cpuRatio, newmanExit: newman.status };
  rows.push({
    figure: `Newman vs run --target simulate, ${requests} requests`,
    value: `Newman ${(newman.ms / 1000).toFixed(1)} s, ${(newman.cpuMs / 1000).toFixed(1)} s CPU (${newmanRate.toFixed(0)} checks/s); suite ${(suite.ms / 1000).toFixed(1)} s, ${(suite.cpuMs / 1000).toFixed(1)} s CPU (${suiteRate.toFixed(0)} checks/s) = ${(suiteRate / newmanRate).toFixed(1)}× (per CPU second ${cpuRatio.toFixed(1)}×)`,
    target: '≥ 20×',
    met: suiteRate / newmanRate >= 20,
  });
}
// 4. check of one large HAR: the synthetic recordings' entries concatenated (about 55 per copy of the cases),
// then of the same entries with no two answers alike.
{
  const dir = join(work, 'capture');
  await generateExchanges(dir, Math.ceil(checkEntries / 50));
  const file = join(work, 'capture.har');
  const entries = await writeCaptureHar(join(dir, 'recordings'), file, checkEntries);
  const report = join(work, 'check.json');
  const m = await measureNode([BIN, 'check', file, '--reporter', `json:${report}`], PACKAGE_ROOT);
  assertRan(m, `check of ${entries} entries`);
  results['check'] = { entries, ms: m.ms, cpuMs: m.cpuMs, rssBytes: m.rssBytes, entriesPerSecond: entries / (m.cpuMs / 1000), exit: m.status };
  rows.push({
    figure: `check, ${entries}-entry HAR`,
    value: `${seconds(m)}, ${(entries / (m.cpuMs / 1000)).toFixed(0)} entries/CPU-s, ${mib(m.rssBytes)} peak`,
    target: entries >= 10_000 ? '< 5 s (CPU)' : '',
    ...(entries >= 10_000 ? { met: m.cpuMs < CHECK_TARGET_MS } : {}),
  });
  // The same entries with every answer distinct: the copies above keep their recorded answers (about 40
  // distinct ones), which check classifies once each; a live capture's answers differ (bench/shared/capture-har.ts).
  const distinctFile = join(work, 'capture-distinct.har');
  const distinct = await writeCaptureHar(join(dir, 'recordings'), distinctFile, checkEntries, { distinctAnswers: true });
  const d = await measureNode([BIN, 'check', distinctFile, '--reporter', `json:${report}`], PACKAGE_ROOT);
  assertRan(d, `check of ${distinct} entries with distinct answers`);
  results['checkDistinctAnswers'] = { entries: distinct, ms: d.ms, cpuMs: d.cpuMs, rssBytes: d.rssBytes, entriesPerSecond: distinct / (d.cpuMs / 1000), exit: d.status };
  rows.push({
    figure: `check, ${distinct}-entry HAR, every answer distinct`,
    value: `${seconds(d)}, ${(distinct / (d.cpuMs / 1000)).toFixed(0)} entries/CPU-s, ${mib(d.rssBytes)} peak`,
    target: distinct >= 10_000 ? '< 5 s (CPU)' : '',
    ...(distinct >= 10_000 ? { met: d.cpuMs < CHECK_TARGET_MS } : {}),
  });
  await rm(dir, { recursive: true, force: true });
}

// 5. audit of 1k and 10k pairs (bench/shared/audit-measure.ts, as npm run bench:audit): time per pair and peak RSS.
const audits: AuditMeasured[] = [];
for (const n of auditPairs) {
  const baseline = join(work, `audit-${n}`, 'baseline');
  const current = join(work, `audit-${n}`, 'current');
  await generateAuditPairs(n, baseline, current);
  const a = measureAuditInChild(n, 'summary', baseline, current);
  audits.push(a);
  await rm(join(work, `audit-${n}`), { recursive: true, force: true });
  results[`audit${n}`] = a;
  const perPair = a.ms / a.pairs;
  rows.push({
    figure: `audit, ${a.pairs} pairs`,
    value: `${(a.ms / 1000).toFixed(2)} s, ${perPair.toFixed(3)} ms/pair (cpu ${(a.cpuMs / a.pairs).toFixed(3)}), ${a.peakRssMB} MB peak RSS, live heap ${a.firstLiveHeapMB} → ${a.liveHeapMB} MB`,
    target: `< ${TARGET_MS_PER_PAIR} ms/pair`,
    met: perPair < TARGET_MS_PER_PAIR,
  });
}
const fewest = audits[0];
const most = audits.at(-1);
if (fewest !== undefined && most !== undefined && most.pairs > fewest.pairs) {
  const growth = most.peakRssMB / fewest.peakRssMB;
  results['auditMemory'] = { fromPairs: fewest.pairs, toPairs: most.pairs, rssGrowth: growth };
  rows.push({ figure: `audit memory, ${fewest.pairs} → ${most.pairs} pairs`, value: `peak RSS ${fewest.peakRssMB} → ${most.peakRssMB} MB (${growth.toFixed(2)}×)`, target: `flat (≤ ${AUDIT_FLAT_RSS}×)`, met: growth <= AUDIT_FLAT_RSS });
}
await rm(work, { recursive: true, force: true });

const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`${'figure'.padEnd(width)}  ${'measured'.padEnd(70)}  target`);
for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value.padEnd(70)}  ${r.target}${r.met === undefined ? '' : r.met ? '  met' : '  MISSED'}`);
const out = process.env['BENCH_OUT'] ?? join(PACKAGE_ROOT, 'out', 'bench.json');
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
console.log(`\nfigures written to ${out}`);
