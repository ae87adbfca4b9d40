import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPairs } from '../../../src/audit/audit-pairs.ts';
import { atOrAbove } from '../../../src/audit/drift-severity.ts';
import { mergeJoin } from '../../../src/audit/merge-join.ts';
import type { PairResult } from '../../../src/audit/pair-result.ts';
import { comparePaths, walkRecordings } from '../../../src/audit/walk-recordings.ts';
import { isSuiteError } from '../../../src/errors.ts';
import { readHar } from '../../../src/recording/read-har.ts';
import { DRIFT_RULES } from '../../../suites/audit/index.ts';
import { repoPath } from '../../helpers/paths.ts';
import { auditFixture, auditFolders, shippedContracts } from './audit-fixtures.ts';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

describe('walkRecordings and mergeJoin', () => {
  it('walks .har files in path order, segment by segment', async () => {
    const files = await collect(walkRecordings(auditFixture('baseline')));
    expect(files.length).toBeGreaterThan(40);
    expect([...files].sort(comparePaths)).toEqual(files);
    expect(files.every((f) => /^[a-z]+\/[A-Za-z_.]+\/[^/]+\.har$/.test(f))).toBe(true);
  });

  it('walks the union of two sorted streams once, marking which side has each key', async () => {
    const joined = await collect(mergeJoin(from(['a', 'c', 'd']), from(['b', 'c', 'e']), (x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(joined).toEqual([
      { key: 'a', left: true, right: false },
      { key: 'b', left: false, right: true },
      { key: 'c', left: true, right: true },
      { key: 'd', left: true, right: false },
      { key: 'e', left: false, right: true },
    ]);
  });
});

describe('auditPairs', () => {
  it('reports no drift between the shipped recordings and themselves', async () => {
    const summary = await auditFolders(repoPath('recordings'), repoPath('recordings'));
    expect(summary.changes).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(summary.totals.unchanged).toBe(summary.totals.pairs);
    expect(summary.warnings).toEqual([]);
  });

  it('reads pair k+1 only when the consumer asks for it: one pair is in memory at a time', async () => {
    const reads: string[] = [];
    const pairs = auditPairs({
      baseline: auditFixture('baseline'),
      current: auditFixture('combined'),
      contracts: await shippedContracts(),
      rules: DRIFT_RULES,
      readHar: (file) => {
        reads.push(file);
        return readHar(file);
      },
    });
    expect(reads).toEqual([]);
    let received = 0;
    for await (const pair of pairs) {
      received++;
      // Both sides of this pair have been read, and nothing of the next one.
      expect(reads).toHaveLength(2 * received);
      expect(reads.slice(-2).map((f) => f.endsWith(pair.file))).toEqual([true, true]);
      if (received === 10) break;
    }
    expect(reads).toHaveLength(20);
  });

  it('pairs by recording path and reports a relabelled case as one removed and one added case', async () => {
    const root = await mkdtemp(join(tmpdir(), 'audit-relabel-'));
    try {
      await cp(auditFixture('variants', 'case-added', 'baseline'), join(root, 'baseline'), { recursive: true });
      await cp(auditFixture('variants', 'case-added', 'current'), join(root, 'current'), { recursive: true });
      await rm(join(root, 'current', 'opsplanning/UpdateInvoicePaymentStatus/fault-server.har'));
      await cp(join(root, 'current', 'opsplanning/UpdateInvoicePaymentStatus/fault-server-retry.har'), join(root, 'current', 'opsplanning/UpdateInvoicePaymentStatus/fault-server.har'));
      await rm(join(root, 'current', 'opsplanning/UpdateInvoicePaymentStatus/fault-server-retry.har'));
      const summary = await auditFolders(join(root, 'baseline'), join(root, 'current'));
      expect(summary.changes.map((c) => [c.id, c.case, c.file])).toEqual([
        ['drift.case-removed', 'fault-server', 'opsplanning/UpdateInvoicePaymentStatus/fault-server.har'],
        ['drift.case-added', 'fault-server-retry', 'opsplanning/UpdateInvoicePaymentStatus/fault-server.har'],
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('limits the audit to the given vendors without reading the others', async () => {
    const reads: string[] = [];
    const pairs = await collect(
      auditPairs({ baseline: auditFixture('baseline'), current: auditFixture('combined'), contracts: await shippedContracts(), rules: DRIFT_RULES, vendors: ['centra'], readHar: (f) => (reads.push(f), readHar(f)) }),
    );
    expect(new Set(pairs.map((p: PairResult) => p.vendor))).toEqual(new Set(['centra']));
    expect(reads.every((f) => f.includes('/centra/'))).toBe(true);
  });

  it('stops with RECORDING_INVALID naming a file that is not HAR 1.2', async () => {
    const run = auditFolders(auditFixture('variants', 'not-har', 'baseline'), auditFixture('variants', 'not-har', 'current'));
    const error: unknown = await run.catch((e: unknown) => e);
    expect(isSuiteError(error) && error.code).toBe('RECORDING_INVALID');
    expect((error as Error).message).toContain('centra/invoices_Update/update-ok.har');
  });

  it('stops with FILE_UNREADABLE for a folder that does not exist', async () => {
    const error: unknown = await auditFolders(auditFixture('no-such-folder'), auditFixture('baseline')).catch((e: unknown) => e);
    expect(isSuiteError(error) && error.code).toBe('FILE_UNREADABLE');
  });

  describe('without the contract of a recording', () => {
    let root: string;
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'audit-nocontract-'));
      await cp(auditFixture('variants', 'field-removed'), root, { recursive: true });
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('still compares bodies, treats every removal as breaking and warns that classification was skipped', async () => {
      const summary = await auditFolders(join(root, 'baseline'), join(root, 'current'), { contracts: new Map() });
      expect(summary.changes.map((c) => c.id)).toEqual(['drift.field-removed']);
      expect(summary.warnings).toEqual([{ contract: 'ebizcharge/UpdateInvoice', message: expect.stringContaining('No contract "ebizcharge/UpdateInvoice"') as string }]);
    });
  });
});

describe('atOrAbove', () => {
  it('orders breaking above warning above info', () => {
    expect(atOrAbove('breaking', 'warning')).toBe(true);
    expect(atOrAbove('warning', 'warning')).toBe(true);
    expect(atOrAbove('info', 'warning')).toBe(false);
    expect(atOrAbove('warning', 'breaking')).toBe(false);
    expect(atOrAbove('info', 'info')).toBe(true);
  });
});
