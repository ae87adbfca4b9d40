/**
 * Audit memory and time at scale: `npm run bench:audit` (or `node --import tsx bench/audit.bench.ts [N...]`).
 *
 * For each N (default 1,000 and 10,000) it writes N synthetic baseline and N current recordings and
 * audits them in a fresh child process (bench/shared/audit-measure.ts), twice: the engine alone, and
 * collected into the report summary as `conformance audit` does. Memory that does not grow with N
 * shows that pairs are streamed, not held.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAuditPairs, measureAuditInChild, TARGET_MS_PER_PAIR, type AuditMeasured } from './shared/audit-measure.ts';

await main(process.argv.slice(2).map(Number).filter((n) => n > 0));

async function main(sizes: number[]): Promise<void> {
  const ns = sizes.length > 0 ? sizes : [1_000, 10_000];
  const root = await mkdtemp(join(tmpdir(), 'audit-bench-'));
  try {
    const rows: AuditMeasured[] = [];
    for (const n of ns) {
      const baseline = join(root, `${n}`, 'baseline');
      const current = join(root, `${n}`, 'current');
      await generateAuditPairs(n, baseline, current);
      rows.push(measureAuditInChild(n, 'engine', baseline, current), measureAuditInChild(n, 'summary', baseline, current));
      await rm(join(root, `${n}`), { recursive: true, force: true });
    }
    print(rows);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function print(rows: readonly AuditMeasured[]): void {
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
