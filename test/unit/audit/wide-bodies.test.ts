import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Har } from '../../../src/recording/har.ts';
import { auditFixture, auditFolders } from './audit-fixtures.ts';

const KEYS = 200_000;
/** Enough to make a quadratic pairing take minutes (50,000² comparisons), few enough to stay quick. */
const PAIRED = 50_000;
const FILE = 'crmcom/invoices_update/update-example-1.har';

/** The shipped update-example-1 recording with `data` widened by members `<prefix><i>`: `<offset + i>` (about 3.3 MB). */
async function widened(prefix: string, offset: number, count = KEYS): Promise<string> {
  const har = JSON.parse(await readFile(auditFixture('baseline', FILE), 'utf8')) as Har;
  const entry = har.log.entries[0];
  if (entry === undefined) throw new Error('fixture has no entry');
  const body = JSON.parse(entry.response.content.text ?? '') as { data: Record<string, unknown> };
  for (let i = 0; i < count; i++) body.data[`${prefix}${i}`] = offset + i;
  (entry.response.content as { text?: string }).text = JSON.stringify(body);
  return JSON.stringify(har);
}

async function put(root: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, FILE)), { recursive: true });
  await writeFile(join(root, FILE), text);
}

// Hundreds of thousands of changes take seconds, more on a busy machine: the time is not what is tested here.
describe('audit of wide bodies', { timeout: 240_000 }, () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-wide-'));
    await put(join(dir, 'narrow'), await readFile(auditFixture('baseline', FILE), 'utf8'));
    const wideA = await widened('a', 0);
    expect(wideA.length).toBeGreaterThan(3_000_000);
    await put(join(dir, 'wide-a'), wideA);
    await put(join(dir, 'paired-a'), await widened('a', 0, PAIRED));
    await put(join(dir, 'paired-b'), await widened('b', PAIRED, PAIRED));
    await put(join(dir, 'paired-renamed'), await widened('b', 0, PAIRED));
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports 200,000 added members of a 3.3 MB response without overflowing the stack', async () => {
    const summary = await auditFolders(join(dir, 'narrow'), join(dir, 'wide-a'));
    expect(summary.totals.info).toBe(KEYS);
    expect(summary.changes.every((c) => c.id === 'drift.field-added')).toBe(true);
  });

  it('reports 50,000 removed and 50,000 added members between two wide responses (a quadratic pairing would not finish within the timeout)', async () => {
    const summary = await auditFolders(join(dir, 'paired-a'), join(dir, 'paired-b'));
    expect(summary.changes.filter((c) => c.id === 'drift.field-added').length).toBe(PAIRED);
    expect(summary.changes.filter((c) => c.id === 'drift.field-removed').length).toBe(PAIRED);
  });

  it('pairs 50,000 renamed members (same parent, same value, another name)', async () => {
    const summary = await auditFolders(join(dir, 'paired-a'), join(dir, 'paired-renamed'));
    expect(summary.changes.filter((c) => c.id === 'drift.field-renamed').length).toBe(PAIRED);
    expect(summary.changes.length).toBe(PAIRED);
  });
});
