import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/model/run-summary.ts';
import { QUEUED_TEST_TIMEOUT_MS, runCli } from '../helpers/run-cli.ts';
import { runCommand } from '../helpers/run-command.ts';

const PLANTED = 'test/fixtures/har/planted-mistakes.har';
const FIXED = 'test/fixtures/har/planted-mistakes-fixed.har';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shard-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readReport(path: string): Promise<RunSummary> {
  return JSON.parse(await readFile(path, 'utf8')) as RunSummary;
}

/** JUnit XML without what differs from run to run (durations and timestamps). */
async function timelessXml(path: string): Promise<string> {
  return (await readFile(path, 'utf8')).replace(/ (time|timestamp)="[^"]*"/g, '');
}

/** The report without what differs from run to run (clock and durations). */
function timeless(summary: RunSummary): unknown {
  return JSON.parse(JSON.stringify(summary, (key, value: unknown) => (key === 'durationMs' || key === 'startedAt' ? undefined : value)));
}

describe.concurrent('--shard', () => {
  it('refuses 0/3, 4/3 and abc on run and check as usage errors (exit 2) before any work', { timeout: QUEUED_TEST_TIMEOUT_MS * 3 }, async () => {
    const [zero, over, word] = await Promise.all([runCommand(['run', '--shard', '0/3']), runCommand(['check', FIXED, '--shard', '4/3']), runCommand(['run', '--shard', 'abc'])]);
    expect([zero.code, over.code, word.code]).toEqual([2, 2, 2]);
    expect(zero.stderr).toContain('--shard 0/3: INDEX must be between 1 and 3');
    expect(over.stderr).toContain('--shard 4/3: INDEX must be between 1 and 3');
    expect(word.stderr).toContain('--shard "abc" is not INDEX/TOTAL');
    for (const r of [zero, over, word]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('splits run into shards whose union is the unsharded run exactly once, and merges them back to it (exit 0)', { timeout: QUEUED_TEST_TIMEOUT_MS * 3 }, async () => {
    const out = join(dir, 'run');
    await mkdir(out);
    const runs = await Promise.all([
      runCommand(['run', '--reporter', `json:${join(out, '..', 'run-whole.json')}`, '--reporter', `junit:${join(dir, 'run-whole.xml')}`]),
      ...[1, 2, 3].map((i) => runCommand(['run', '--shard', `${i}/3`, '--reporter', `json:${join(out, `shard-${i}.json`)}`, '--reporter', 'console'])),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(runs[1]?.stdout).toContain('shard 1/3');
    const whole = await readReport(join(dir, 'run-whole.json'));
    const shards = await Promise.all([1, 2, 3].map((i) => readReport(join(out, `shard-${i}.json`))));
    const ids = shards.flatMap((s) => s.results.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(whole.results.map((r) => r.id).sort());
    const merged = await runCommand(['merge-reports', out, '--reporter', `json:${join(dir, 'run-merged.json')}`, '--reporter', `junit:${join(dir, 'run-merged.xml')}`, '--reporter', 'console']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain(`${whole.totals.passed} passed, 0 failed`);
    expect(timeless(await readReport(join(dir, 'run-merged.json')))).toEqual(timeless(whole));
    // Reporters render the merge as the whole run: the same testcases, and each case's contract line.
    expect(await timelessXml(join(dir, 'run-merged.xml'))).toBe(await timelessXml(join(dir, 'run-whole.xml')));
  });

  it('splits check by entry; a failing shard makes the merge exit 1, and the merge equals the unsharded check', { timeout: QUEUED_TEST_TIMEOUT_MS * 3 }, async () => {
    const out = join(dir, 'check');
    await mkdir(out);
    const runs = await Promise.all([
      runCommand(['check', PLANTED, '--reporter', `json:${join(dir, 'check-whole.json')}`, '--reporter', `junit:${join(dir, 'check-whole.xml')}`]),
      ...[1, 2].map((i) => runCommand(['check', PLANTED, '--shard', `${i}/2`, '--reporter', `json:${join(out, `shard-${i}.json`)}`])),
    ]);
    expect(runs[0]?.code).toBe(1);
    // Each half of the planted mistakes holds some: both shards fail.
    expect(runs.slice(1).map((r) => r.code)).toEqual([1, 1]);
    const whole = await readReport(join(dir, 'check-whole.json'));
    const shards = await Promise.all([1, 2].map((i) => readReport(join(out, `shard-${i}.json`))));
    expect(shards.map((s) => s.entries?.length)).toEqual([4, 5]);
    // merge-reports as a real subprocess of the bin (its exit 1 is the process's); the other calls run in-process.
    const merged = await runCli(['merge-reports', join(out, 'shard-2.json'), join(out, 'shard-1.json'), '--reporter', `json:${join(dir, 'check-merged.json')}`, '--reporter', `junit:${join(dir, 'check-merged.xml')}`]);
    expect(merged.code, merged.stderr).toBe(1);
    expect(timeless(await readReport(join(dir, 'check-merged.json')))).toEqual(timeless(whole));
    // The merged JUnit is check's own: one testcase per captured entry, the capture as file=.
    const xml = await timelessXml(join(dir, 'check-merged.xml'));
    expect([...xml.matchAll(/<testcase /g)]).toHaveLength(9);
    expect(xml).toBe(await timelessXml(join(dir, 'check-whole.xml')));
  });

  it('refuses to merge a file that is not a report, a report of another schemaVersion, or part of the shards (exit 2)', { timeout: QUEUED_TEST_TIMEOUT_MS * 3 }, async () => {
    const notReport = join(dir, 'not-a-report.json');
    const otherVersion = join(dir, 'other-version.json');
    const shard = join(dir, 'lone-shard.json');
    await writeFile(notReport, '{"hello":"world"}\n');
    await writeFile(otherVersion, '{"schemaVersion":99,"results":[]}\n');
    const made = await runCommand(['check', FIXED, '--shard', '1/2', '--reporter', `json:${shard}`]);
    expect(made.code, made.stderr).toBe(0);
    const [bad, version, partial, missing] = await Promise.all([
      runCommand(['merge-reports', notReport]),
      runCommand(['merge-reports', otherVersion]),
      runCommand(['merge-reports', shard]),
      runCommand(['merge-reports', join(dir, 'nothing-here.json')]),
    ]);
    expect([bad.code, version.code, partial.code, missing.code]).toEqual([2, 2, 2, 2]);
    expect(bad.stderr).toContain('is not a conformance JSON report');
    expect(version.stderr).toContain('schemaVersion 99; this conformance reads schemaVersion 1');
    expect(partial.stderr).toContain('Shard 2/2 missing');
    expect(missing.stderr).toContain('Cannot read');
  });
});
