import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { heapGrowthFlag, RUN_HEAP_GROWING_PERCENT } from '../../../src/cli/tune-v8.js';
import { repoPath } from '../../helpers/paths.ts';

describe('heapGrowthFlag', () => {
  it('sets a 100% old-generation growth step for the run command, whatever its options', () => {
    expect(RUN_HEAP_GROWING_PERCENT).toBe(100);
    expect(heapGrowthFlag(['run'])).toBe('--heap-growing-percent=100');
    expect(heapGrowthFlag(['run', '--contracts', '/tmp/x', '--reporter', 'json:out.json'])).toBe('--heap-growing-percent=100');
  });

  it('leaves every other command, and no command, to V8 defaults (only run was measured)', () => {
    expect(heapGrowthFlag(['check', 'capture.har'])).toBeUndefined();
    expect(heapGrowthFlag(['audit', 'recordings'])).toBeUndefined();
    expect(heapGrowthFlag([])).toBeUndefined();
    expect(heapGrowthFlag(['--help'])).toBeUndefined();
  });

  it("is a flag this machine's node accepts silently", () => {
    const flag = heapGrowthFlag(['run']) ?? '';
    const result = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)}); require('node:v8').setFlagsFromString('--no-such-flag-here')`], { encoding: 'utf8' });
    // The unknown flag shows that node does complain on stderr, and about that flag only.
    expect(result.stderr).toContain('--no-such-flag-here');
    expect(result.stderr).not.toContain('heap-growing-percent');
  });

  it('leaves the bin silent on stderr for run --help', () => {
    const result = spawnSync(process.execPath, [repoPath('src/cli/bin.js'), 'run', '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: conformance run');
    expect(result.stderr).toBe('');
  });
});
