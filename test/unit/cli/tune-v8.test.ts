import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCacheDir, TURBOFAN_TIER_UP, tierUpFlag } from '../../../src/cli/tune-v8.js';
import { repoPath } from '../../helpers/paths.ts';

describe('tierUpFlag', () => {
  it('raises the bytecode budget on V8 11 (Node 20), which counts tier-up that way', () => {
    expect(tierUpFlag('11.3.244.8-node.38')).toBe('--interrupt-budget=3000000');
  });

  it('raises the invocation count on V8 12 and 13 (Node 22 and 24), which count calls', () => {
    expect(tierUpFlag('12.4.254.21-node.57')).toBe('--invocation-count-for-turbofan=30000');
    expect(tierUpFlag('13.6.233.17-node.63')).toBe('--invocation-count-for-turbofan=30000');
  });

  it('sets nothing on a V8 whose flags it does not know', () => {
    expect(tierUpFlag('10.2.154.26-node.26')).toBeUndefined();
  });

  it('raises both thresholds about twenty-fold over V8 defaults (67,584 bytes of budget, 3,000 calls)', () => {
    expect(TURBOFAN_TIER_UP.interruptBudget / 67_584).toBeGreaterThan(20);
    expect(TURBOFAN_TIER_UP.invocationCount / 3_000).toBe(10);
  });

  it("is a flag this machine's node accepts silently", () => {
    const flag = tierUpFlag();
    expect(flag).toBeDefined();
    const result = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)}); require('node:v8').setFlagsFromString('--no-such-flag-here')`], { encoding: 'utf8' });
    // The unknown flag shows that node does complain on stderr, and about that flag only.
    expect(result.stderr).toContain('--no-such-flag-here');
    expect(result.stderr).not.toContain(flag);
  });
});

describe('compileCacheDir', () => {
  let tmp: string;
  let saved: string | undefined;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tune-v8-'));
    saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
    chmodSync(tmp, 0o700);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('creates the compile-cache folder inside the private cache folder, mode 0700', () => {
    const dir = compileCacheDir();
    expect(dir).toBe(join(tmp, `invoice-update-conformance-${process.getuid?.() ?? 'user'}`, 'compile-cache'));
    expect(statSync(dir ?? '').mode & 0o777).toBe(0o700);
  });

  it('refuses a cache folder whose parent others can write', () => {
    const parent = join(tmp, `invoice-update-conformance-${process.getuid?.() ?? 'user'}`);
    expect(compileCacheDir()).toBeDefined();
    chmodSync(parent, 0o777);
    expect(compileCacheDir()).toBeUndefined();
    chmodSync(parent, 0o700);
  });
});

describe('the bin with start-up tuning', () => {
  it('prints its version with nothing on stderr', () => {
    const result = spawnSync(process.execPath, [repoPath('src/cli/bin.js'), '--version'], { encoding: 'utf8' });
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.stderr).toBe('');
  });
});
