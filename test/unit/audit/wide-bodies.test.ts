import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Har } from '../../../src/recording/har.ts';
import { auditFixture, auditFolders } from './audit-fixtures.ts';

const KEYS = 200_000;
const FILE = 'crmcom/invoices_update/update-example-1.har';

/** The shipped update-example-1 recording with `data` widened by members `<prefix><i>`: `<offset + i>` (about 3.3 MB). */
async function widened(prefix: string, offset: number): Promise<string> {
  const har = JSON.parse(await readFile(auditFixture('baseline', FILE), 'utf8')) as Har;
  const entry = har.log.entries[0];
  if (entry === undefined) throw new Error('fixture has no entry');
  const body = JSON.parse(entry.response.content.text ?? '') as { data: Record<string, unknown> };
  for (let i = 0; i < KEYS; i++) body.data[`${prefix}${i}`] = offset + i;
  (entry.response.content as { text?: string }).text = JSON.stringify(body);
  return JSON.stringify(har);
}

async function put(root: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, FILE)), { recursive: true });
  await writeFile(join(root, FILE), text);
}

describe('audit of wide bodies', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'audit-wide-'));
    await put(join(dir, 'narrow'), await readFile(auditFixture('baseline', FILE), 'utf8'));
    const wideA = await widened('a', 0);
    expect(wideA.length).toBeGreaterThan(3_000_000);
    await put(join(dir, 'wide-a'), wideA);
    await put(join(dir, 'wide-b'), await widened('b', KEYS));
    await put(join(dir, 'wide-renamed'), await widened('b', 0));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports 200,000 added members of a 3.3 MB response without overflowing the stack', async () => {
    const summary = await auditFolders(join(dir, 'narrow'), join(dir, 'wide-a'));
    expect(summary.totals.info).toBe(KEYS);
    expect(summary.changes.every((c) => c.id === 'drift.field-added')).toBe(true);
  });

  it('reports 200,000 removed and 200,000 added members between two wide responses', async () => {
    const summary = await auditFolders(join(dir, 'wide-a'), join(dir, 'wide-b'));
    expect(summary.changes.filter((c) => c.id === 'drift.field-added').length).toBe(KEYS);
    expect(summary.changes.filter((c) => c.id === 'drift.field-removed').length).toBe(KEYS);
  });

  it('pairs 200,000 renamed members (same parent, same value, another name)', async () => {
    const summary = await auditFolders(join(dir, 'wide-a'), join(dir, 'wide-renamed'));
    expect(summary.changes.filter((c) => c.id === 'drift.field-renamed').length).toBe(KEYS);
    expect(summary.changes.length).toBe(KEYS);
  });
});
