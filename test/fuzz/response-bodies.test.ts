import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyResponse } from '../../src/protocols/classify-response.ts';
import { protocolFor } from '../../src/protocols/index.ts';
import type { Har } from '../../src/recording/har.ts';
import type { Contract, ProtocolName } from '../../src/types/contract.ts';
import { repoPath } from '../helpers/paths.ts';
import { loadValidContract } from '../helpers/prepare-contract.ts';
import { hostileBody } from './hostile-body-arbitrary.ts';

/**
 * Generated malformed and hostile response bodies, per protocol. `npm test` runs a few hundred per
 * protocol; `npm run fuzz` (FUZZ_RUNS=100000) the full run, whose figures the README records.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
/**
 * Bounds every body must stay within. The 2 s time bound is asserted by `npm run fuzz`
 * (FUZZ_MAX_MS=2000); inside `npm test`, on a shared CI machine, only a hang (10 s) fails.
 */
const MAX_MS = Number(process.env['FUZZ_MAX_MS'] ?? 10_000);
const MAX_HEAP_BYTES = 256 * 1024 * 1024;

const CONTRACTS: Readonly<Record<ProtocolName, readonly string[]>> = {
  soap11: ['centra/invoices_Update', 'ebizcharge/UpdateInvoice', 'opsplanning/UpdateInvoicePaymentStatus'],
  json: ['crmcom/invoices_update'],
  xml: ['invoicexpress/invoices.update'],
};

interface Figures {
  bodies: number;
  uncaught: number;
  okWhileUnreadable: number;
  maxMs: number;
  maxHeapBytes: number;
  slowest: string;
  firstProblem?: string;
}

/** The recorded response bodies of a contract: well-formed seeds to mutate. */
function seedsOf(contract: Contract): string[] {
  const dir = repoPath('recordings', contract.id);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.har'))
    .map((f) => (JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Har).log.entries[0]?.response.content.text ?? '')
    .filter((text) => text.trim() !== '');
}

function fuzz(contracts: readonly Contract[], kind: 'xml' | 'json', seed: number): Figures {
  const figures: Figures = { bodies: 0, uncaught: 0, okWhileUnreadable: 0, maxMs: 0, maxHeapBytes: 0, slowest: '' };
  const seeds = contracts.flatMap(seedsOf);
  const statuses = [...new Set(contracts.flatMap((c) => c.responses.flatMap((r) => (r.match.status === undefined ? [] : [r.match.status].flat()))))];
  const arbitrary = fc.tuple(fc.nat({ max: contracts.length - 1 }), hostileBody(seeds, kind), fc.constantFrom(...statuses, 200, 500));
  fc.assert(
    fc.property(arbitrary, ([which, body, status]) => {
      const contract = contracts[which] as Contract;
      figures.bodies += 1;
      const started = performance.now();
      try {
        const message = protocolFor(contract.protocol).readMessage(body);
        const parsed = classifyResponse(contract, { status, headers: { 'content-type': kind === 'json' ? 'application/json' : 'text/xml' }, body }, message);
        if (message.kind === 'unreadable' && parsed.outcome === 'ok') {
          figures.okWhileUnreadable += 1;
          figures.firstProblem ??= `ok outcome for an unreadable body (${contract.id}, HTTP ${status}): ${JSON.stringify(body.slice(0, 200))}`;
        }
      } catch (error) {
        figures.uncaught += 1;
        figures.firstProblem ??= `uncaught ${String(error)} (${contract.id}, HTTP ${status}): ${JSON.stringify(body.slice(0, 200))}`;
      }
      const ms = performance.now() - started;
      if (ms > figures.maxMs) [figures.maxMs, figures.slowest] = [ms, `${body.length} chars: ${JSON.stringify(body.slice(0, 300))}`];
      figures.maxHeapBytes = Math.max(figures.maxHeapBytes, process.memoryUsage().heapUsed);
    }),
    { numRuns: RUNS, seed },
  );
  return figures;
}

describe('fuzzed response bodies', () => {
  const loaded = new Map<string, Contract>();
  beforeAll(async () => {
    for (const id of Object.values(CONTRACTS).flat()) loaded.set(id, (await loadValidContract(repoPath(`contracts/${id}.yaml`))).contract);
  });

  for (const [protocol, ids] of Object.entries(CONTRACTS) as [ProtocolName, readonly string[]][]) {
    it(`${protocol}: no uncaught error, no ok outcome for an unreadable body, bounded time and heap per body`, () => {
      const seed = Number(process.env['FUZZ_SEED'] ?? Date.now());
      const figures = fuzz(ids.map((id) => loaded.get(id) as Contract), protocol === 'json' ? 'json' : 'xml', seed);
      const line = `fuzz ${protocol}: ${figures.bodies} bodies, ${figures.uncaught} uncaught errors, ${figures.okWhileUnreadable} ok-while-unreadable, max ${figures.maxMs.toFixed(1)} ms, max heap ${(figures.maxHeapBytes / 1024 / 1024).toFixed(0)} MB (seed ${seed})`;
      console.log(line);
      expect(figures.firstProblem, line).toBeUndefined();
      expect(figures.bodies).toBe(RUNS);
      expect(figures.maxMs, `${line}; slowest body: ${figures.slowest}`).toBeLessThan(MAX_MS);
      expect(figures.maxHeapBytes, line).toBeLessThan(MAX_HEAP_BYTES);
    }, 3_600_000);
  }
});
